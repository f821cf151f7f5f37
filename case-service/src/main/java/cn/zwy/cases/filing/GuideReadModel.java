package cn.zwy.cases.filing;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the announced guide versions a case may be filed under, from tenant-service's
 * catalog.guide.published / withdrawn events (their payload is the whole guide). Announced
 * versions never change, so a version is inserted once and a repeated event changes nothing — except that a replay
 * fills the queue business category (G1) of a version kept before the read model had it (V63).
 */
@Component
class GuideReadModel implements EventHandler {

    static final Set<String> TYPES = Set.of("catalog.guide.published", "catalog.guide.withdrawn");

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final JsonMapper json;

    GuideReadModel(JdbcTemplate jdbc, TenantTransactions tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public String group() {
        return "case-guides";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode e = json.readTree(event.payload());
        JsonNode g = e.path("guide");
        String tenant = e.get("tenantCode").asString();
        List<Map<String, Object>> materials = new ArrayList<>();
        for (JsonNode m : g.path("materials")) {
            materials.add(Map.of("name", m.path("name").asString(""),
                    "required", m.path("required").asBoolean(true),
                    "toleratedMissing", m.path("toleratedMissing").asBoolean(false)));
        }
        JsonNode limit = g.path("promisedLimit");
        JsonNode windows = g.path("windows");
        tx.write(tenant, () -> jdbc.update("""
                insert into guide_version_model (version_id, item_id, tenant_id, tenant_name, number, status, effective_from,
                    name, case_class, promised_value, promised_unit, tolerated_missing, cross_region, consult_phone,
                    window_name, materials, questionnaire, result_name, form_fields, queue_category)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, version_id) do update set queue_category = excluded.queue_category
                where guide_version_model.queue_category is null and excluded.queue_category is not null""",
                e.get("versionId").asString(), e.get("itemId").asString(), tenant, e.path("tenantName").asString(""),
                e.get("number").asInt(), e.get("status").asString(), Date.valueOf(LocalDate.parse(e.get("effectiveFrom").asString())),
                e.path("name").asString(""), text(g.path("caseClass")), limit.path("value").isNumber() ? limit.path("value").asInt() : null,
                text(limit.path("unit")), g.path("toleratedMissing").asBoolean(false), g.path("crossRegion").asString("NONE"),
                text(g.path("consultPhone")), windows.isArray() && !windows.isEmpty() ? text(windows.get(0).path("name")) : null,
                json.writeValueAsString(materials), g.path("questionnaire").isObject() ? json.writeValueAsString(g.path("questionnaire")) : null,
                resultName(g.path("resultSample")),
                g.path("formFields").isArray() && !g.path("formFields").isEmpty() ? json.writeValueAsString(g.path("formFields")) : null,
                text(g.path("queueCategory"))));
    }

    /** G4: the result's name, from the guide's result sample (its title without the 样本 mark). */
    private static String resultName(JsonNode sample) {
        String title = text(sample.path("title"));
        if (title == null) return null;
        String name = title.replaceAll("[（(]样本[）)]$", "").strip();
        return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), 300));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asString();
    }
}
