package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.EntrustmentApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assisted agency (帮办代办, C14): a written entrustment names the items, the materials and both
 * contacts; statutory fees are the applicant's, and no agency fee is ever charged — one offered is
 * refused (RULE_VIOLATION C14), not recorded as zero. The agent's phone is sealed like the
 * applicant's (M3) and shown masked.
 */
@Component
class Entrustments {

    private final JdbcTemplate jdbc;
    private final CaseQueries queries;
    private final ApplicantPrivacy privacy;
    private final JsonMapper json;

    Entrustments(JdbcTemplate jdbc, CaseQueries queries, ApplicantPrivacy privacy, JsonMapper json) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.privacy = privacy;
        this.json = json;
    }

    /** Inside the staff action's transaction: checks and stores it; the note of the case's record. */
    String record(CaseRow c, Caller caller, String window, EntrustmentApi.Record body) {
        if (c.status != CaseStatus.SUBMITTED && c.status != CaseStatus.CORRECTION_REQUIRED && c.status != CaseStatus.ACCEPTED) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "办件" + c.status.label() + "，不能再登记帮办代办委托", "status", "C14");
        }
        if (body.agencyFee() != null && body.agencyFee() != 0) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "帮办代办不收取任何代办费用；法定费用由申请人承担（C14）", "agencyFee", "C14");
        }
        String agent = CaseService.required("agentName", body.agentName(), 100);
        ApplicantPrivacy.Protected phone = privacy.phone("agentPhone", body.agentPhone());
        List<String> items = names("items", body.items(), "委托书须列明委托办理的事项");
        if (!items.contains(c.itemName)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "委托书须包含本办件的事项：" + c.itemName, "items", "C14");
        }
        List<String> materials = names("materials", body.materials(), "委托书须列明交给代办员的材料");
        Integer existing = jdbc.queryForObject("select count(*) from case_entrustment where tenant_id = ? and case_id = ?",
                Integer.class, c.tenantId, c.id);
        if (existing != null && existing > 0) throw ApiException.conflict("id", "该办件已登记帮办代办委托");
        jdbc.update("""
                insert into case_entrustment (case_id, tenant_id, agent_name, agent_phone_sealed, agent_phone_masked, items,
                    materials, recorded_by, window_name, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id, c.tenantId, agent, phone.sealed(), phone.masked(), json.writeValueAsString(items),
                json.writeValueAsString(materials), caller.displayName(), window, Timestamp.from(Instant.now()));
        return "帮办代办委托：代办员 " + agent + "（" + phone.masked() + "），" + items.size() + " 个事项、" + materials.size()
                + " 项材料；不收取代办费用（C14）";
    }

    /** The case's entrustment, for whoever may read the case (its applicant, the tenant's staff, its province's administrator). */
    EntrustmentApi.Entrustment get(Caller caller, String id) {
        // read as the case is (its tenant, its applicant; the hall that received it or the level it went up to
        // find none: the entrustment stays the owner's under row-level security)
        return queries.read(caller, id, (c, staff) -> {
            return jdbc.query("select * from case_entrustment where tenant_id = ? and case_id = ?", rs -> {
                if (!rs.next()) throw ApiException.notFound("id", "该办件没有帮办代办委托");
                return new EntrustmentApi.Entrustment(rs.getString("agent_name"), rs.getString("agent_phone_masked"),
                        c.contactName, c.contactPhoneMasked,
                        json.readValue(rs.getString("items"), new TypeReference<List<String>>() {}),
                        json.readValue(rs.getString("materials"), new TypeReference<List<String>>() {}),
                        rs.getString("recorded_by"), rs.getString("window_name"), rs.getTimestamp("recorded_at").toInstant());
            }, c.tenantId, c.id);
        });
    }

    private static List<String> names(String field, List<String> values, String missing) {
        if (values == null || values.isEmpty()) throw ApiException.validation(field, missing);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) out.add(CaseService.required(field + "[" + i + "]", values.get(i), 200));
        return out;
    }
}
