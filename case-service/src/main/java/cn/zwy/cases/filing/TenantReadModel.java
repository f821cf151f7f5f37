package cn.zwy.cases.filing;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenants on the platform, from tenant-service's events: where a cross-level case goes up to (C11),
 * known without asking tenant-service on the path of a staff action. A tenant is on the platform once its
 * main hall is announced (every tenant has one: onboarded ones and the demo's alike) or it is onboarded;
 * a suspension takes it off, a later onboarding brings it back; a hall's later change never does. A
 * repeated event leaves the same row.
 */
@Component
class TenantReadModel implements EventHandler {

    static final String HALL = "hall.changed";
    static final String ONBOARDED = "tenant.onboarded";
    static final String SUSPENDED = "tenant.suspended";
    private static final int[] LEVELS = {9, 6, 4, 2};

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final JsonMapper json;

    TenantReadModel(JdbcTemplate jdbc, TenantTransactions tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** An active tenant of the platform. */
    record Tenant(String code, String name) {}

    @Override
    public String group() {
        return "case-tenants";
    }

    @Override
    public boolean accepts(String eventType) {
        return eventType.equals(HALL) || eventType.equals(ONBOARDED) || eventType.equals(SUSPENDED);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode e = json.readTree(event.payload());
        String code = e.get("tenantCode").asString();
        switch (event.type()) {
            case SUSPENDED -> tx.platform(() -> jdbc.update("update tenant_model set active = false where tenant_code = ?", code));
            case ONBOARDED -> tx.platform(() -> jdbc.update("""
                    insert into tenant_model (tenant_code, name, active) values (?, ?, true)
                    on conflict (tenant_code) do update set name = excluded.name, active = true""", code, e.path("name").asString(code)));
            default -> {
                if (!e.path("main").asBoolean(false)) return;
                tx.platform(() -> jdbc.update("""
                        insert into tenant_model (tenant_code, name, active) values (?, ?, true)
                        on conflict (tenant_code) do update set name = excluded.name""", code, e.path("tenantName").asString(code)));
            }
        }
    }

    /**
     * The nearest active tenant above {@code tenantCode} on the division tree (a town's county), if any. Platform
     * data without row-level security: read in whatever transaction the caller is in.
     */
    Optional<Tenant> parentOf(String tenantCode) {
        for (int len : LEVELS) {
            if (len >= tenantCode.length()) continue;
            Optional<Tenant> t = jdbc.query("select tenant_code, name from tenant_model where tenant_code = ? and active",
                    (rs, n) -> new Tenant(rs.getString(1), rs.getString(2)), tenantCode.substring(0, len)).stream().findFirst();
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }
}
