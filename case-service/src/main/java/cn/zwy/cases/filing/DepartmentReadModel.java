package cn.zwy.cases.filing;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenants' departments (T5), from tenant-service's organisation.department.created events: the
 * supervising department an item's completed cases are pushed to (C15) is one of them. A repeated event
 * inserts nothing.
 */
@Component
class DepartmentReadModel implements EventHandler {

    static final String CREATED = "organisation.department.created";

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final JsonMapper json;

    DepartmentReadModel(JdbcTemplate jdbc, TenantTransactions tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public String group() {
        return "case-departments";
    }

    @Override
    public boolean accepts(String eventType) {
        return CREATED.equals(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode e = json.readTree(event.payload());
        String tenant = e.get("tenantCode").asString();
        JsonNode hall = e.path("hallId");
        tx.write(tenant, () -> jdbc.update("""
                insert into department_model (id, tenant_id, hall_id, name) values (?, ?, ?, ?) on conflict (tenant_id, id) do nothing""",
                UUID.fromString(e.get("departmentId").asString()), tenant,
                hall.isMissingNode() || hall.isNull() ? null : UUID.fromString(hall.asString()), e.get("name").asString()));
    }
}
