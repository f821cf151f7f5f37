package cn.zwy.bench;

import java.util.List;
import java.util.Map;

/** The citizen-facing queries the scale benchmark times. */
interface CitizenQuery {

    String name();

    String document();

    Map<String, Object> variables(Http http, String gateway, String tenant);

    record Simple(String name, String document) implements CitizenQuery {
        @Override
        public Map<String, Object> variables(Http http, String gateway, String tenant) {
            return Map.of("t", tenant);
        }
    }

    List<CitizenQuery> ALL = List.of(
            new Simple("hall(tenantCode)", "query($t: ID!) { hall(tenantCode: $t) { name address phone openingHours { weekday periods { opens closes } } } }"),
            new Simple("tenant(code)", "query($t: ID!) { tenant(code: $t) { name status hall { name } } }"));
}
