package cn.zwy.cases.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.api.ApplicantKind;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.DeliveryMode;
import cn.zwy.common.tenant.TenantTransactions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0038 against the real case database: the case update, whose columns are null in one step and set in the next,
 * stays one server statement with one generic plan on its connection. Before, a null sent untyped made the driver
 * prepare it again whenever the nulls changed, and PostgreSQL planned each new statement over every partition
 * (≈ 9 ms, one step in three: docs/benchmarks/cases.md, 2026-12-04).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_CASE_DB:zwy_test_case}")
class CaseUpdatePlanDbTest {

    @Autowired CaseStore store;
    @Autowired TenantTransactions tx;
    @Autowired JdbcTemplate jdbc;

    @Test
    void stepsWithDifferentNullsShareOneGenericPlan() {
        List<Map<String, Object>> statements = tx.write("441825", () -> {
            CaseRow c = newCase();
            store.insert(c);
            for (int step = 0; step < 12; step++) {
                // as accept, complete and deliver leave them: the holder and the delivery time null or not, by turns
                boolean delivered = step % 2 == 1;
                c.holder = delivered ? null : "综合受理窗口 3 号";
                c.deliveredAt = delivered ? Instant.now() : null;
                c.acceptedOn = step == 0 ? null : LocalDate.now();
                c.result = delivered ? "APPROVED" : null;
                c.updatedAt = Instant.now();
                store.update(c);
            }
            // this transaction's connection: what the driver prepared on it, and how PostgreSQL planned it
            return jdbc.queryForList("select generic_plans, custom_plans from pg_prepared_statements"
                    + " where statement like 'update case_file set materials%'");
        });
        assertThat(statements).as("one server statement for all twelve updates").hasSize(1);
        // the first updates go unnamed (the driver prepares a statement on its fifth use), the rest reuse one plan
        assertThat(((Number) statements.getFirst().get("generic_plans")).longValue()).isGreaterThanOrEqualTo(7);
        assertThat(((Number) statements.getFirst().get("custom_plans")).longValue()).isZero();
    }

    private static CaseRow newCase() {
        CaseRow c = new CaseRow();
        c.id = UUID.randomUUID();
        c.tenantId = "441825";
        c.caseNumber = "441825-2026-" + c.id.toString().substring(0, 6);
        c.citizenId = "plan-test-" + c.id;
        c.idempotencyKey = c.id.toString();
        c.requestHash = "0".repeat(64);
        c.itemId = "441825:plan-test";
        c.guideVersionId = UUID.randomUUID().toString();
        c.guideVersion = 1;
        c.itemName = "普通护照签发";
        c.caseClass = "PROMISED";
        c.limitValue = 6;
        c.limitUnit = "WORKING_DAY";
        c.applicantKind = ApplicantKind.INDIVIDUAL;
        c.applicantName = "张三";
        c.applicantIdSealed = "sealed";
        c.applicantIdIndex = "index-" + c.id;
        c.applicantIdMasked = "1101**********002X";
        c.contactName = "张三";
        c.contactPhoneSealed = "sealed";
        c.contactPhoneMasked = "138****8000";
        c.deliveryMode = DeliveryMode.WINDOW_PICKUP;
        c.materials = "[]";
        c.status = CaseStatus.SUBMITTED;
        c.holder = "综合受理窗口";
        c.firstResponsible = "综合受理窗口";
        c.firstResponsibleTel = "";
        c.submittedAt = Instant.now();
        c.updatedAt = c.submittedAt;
        return c;
    }
}
