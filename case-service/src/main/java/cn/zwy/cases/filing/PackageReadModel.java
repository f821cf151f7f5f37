package cn.zwy.cases.filing;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the "one thing" packages a citizen may file (G3), from tenant-service's catalog.package.published
 * (the whole package in the payload). Versions never change: a repeated event changes nothing.
 */
@Component
class PackageReadModel implements EventHandler {

    static final String TYPE = "catalog.package.published";

    /** A package as filed: its items in the form's order and its merged materials. */
    record Package(String id, int version, String tenantCode, String name, String reviewMode, List<Item> items, List<Material> materials) {}

    record Item(String itemId, String name) {}

    record Material(String name, boolean required, List<String> usedBy) {}

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final JsonMapper json;

    PackageReadModel(JdbcTemplate jdbc, TenantTransactions tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public String group() {
        return "case-packages";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPE.equals(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode e = json.readTree(event.payload());
        String tenant = e.get("tenantCode").asString();
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode i : e.path("items")) items.add(Map.of("itemId", i.path("itemId").asString(), "name", i.path("name").asString()));
        List<Map<String, Object>> materials = new ArrayList<>();
        for (JsonNode m : e.path("materials")) {
            List<String> usedBy = new ArrayList<>();
            m.path("usedBy").forEach(u -> usedBy.add(u.asString()));
            materials.add(Map.of("name", m.path("name").asString(), "required", m.path("required").asBoolean(false), "usedBy", usedBy));
        }
        tx.write(tenant, () -> jdbc.update("""
                insert into package_model (package_id, version, tenant_id, name, review_mode, items, materials)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, package_id, version) do nothing""",
                e.get("packageId").asString(), e.get("version").asInt(), tenant, e.get("name").asString(),
                e.get("reviewMode").asString(), json.writeValueAsString(items), json.writeValueAsString(materials)));
    }

    /** The newest version of a package; inside a transaction bound to its tenant. */
    Optional<Package> newest(String packageId) {
        return jdbc.query("select * from package_model where package_id = ? order by version desc limit 1", (rs, n) -> new Package(
                rs.getString("package_id"), rs.getInt("version"), rs.getString("tenant_id"), rs.getString("name"), rs.getString("review_mode"),
                json.readValue(rs.getString("items"), new TypeReference<List<Item>>() {}),
                json.readValue(rs.getString("materials"), new TypeReference<List<Material>>() {})), packageId).stream().findFirst();
    }
}
