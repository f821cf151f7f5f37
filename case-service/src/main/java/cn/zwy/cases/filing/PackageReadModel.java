package cn.zwy.cases.filing;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Timestamp;
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
 * (the whole package in the payload). Versions never change: a repeated event changes nothing. A tenant that stops
 * offering a package (catalog.package.withdrawn, ADR 0035) marks its versions up to that one withdrawn; published
 * again, the version is offered again.
 */
@Component
class PackageReadModel implements EventHandler {

    static final String TYPE = "catalog.package.published";
    static final String WITHDRAWN = "catalog.package.withdrawn";

    /** A package as filed: its items in the form's order and its merged materials. */
    record Package(String id, int version, String tenantCode, String name, String reviewMode, List<Item> items, List<Material> materials,
                   boolean withdrawn) {}

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
        return TYPE.equals(eventType) || WITHDRAWN.equals(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode e = json.readTree(event.payload());
        String tenant = e.get("tenantCode").asString();
        if (WITHDRAWN.equals(event.type())) {
            tx.write(tenant, () -> jdbc.update("""
                    update package_model set withdrawn_at = ? where package_id = ? and version <= ? and withdrawn_at is null""",
                    Timestamp.from(event.occurredAt()), e.get("packageId").asString(), e.get("version").asInt()));
            return;
        }
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
                values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, package_id, version) do update set withdrawn_at = null
                where package_model.withdrawn_at is not null""",
                e.get("packageId").asString(), e.get("version").asInt(), tenant, e.get("name").asString(),
                e.get("reviewMode").asString(), json.writeValueAsString(items), json.writeValueAsString(materials)));
    }

    /** The newest version of a package; inside a transaction bound to its tenant. */
    Optional<Package> newest(String packageId) {
        return jdbc.query("select * from package_model where package_id = ? order by version desc limit 1", (rs, n) -> new Package(
                rs.getString("package_id"), rs.getInt("version"), rs.getString("tenant_id"), rs.getString("name"), rs.getString("review_mode"),
                json.readValue(rs.getString("items"), new TypeReference<List<Item>>() {}),
                json.readValue(rs.getString("materials"), new TypeReference<List<Material>>() {}), rs.getTimestamp("withdrawn_at") != null),
                packageId).stream().findFirst();
    }
}
