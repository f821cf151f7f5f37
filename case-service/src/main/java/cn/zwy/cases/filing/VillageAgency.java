package cn.zwy.cases.filing;

import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.cases.api.StationApi;
import cn.zwy.cases.applicant.ResidentIdNumber;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.cases.privacy.BlindIndex;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Three-level agency (三级全程代理, T3; seed 000 村级代办点/受理报送清单). Filing at a station is
 * {@link CaseService#submitAtStation}, forwarding to the centre the relay of C12 ({@link CrossRegionCases}),
 * its lateness the FORWARD timer, delivery {@link CaseService#deliver} by the station's agent. Here: what the
 * agent must tell the applicants who have no account.
 */
@Service
class VillageAgency {

    /** 2个工作日内向镇政务服务中心上报《受理报送清单》. */
    static final int FORWARD_WORKING_DAYS = 2;

    private static final Pattern CASE_NUMBER = Pattern.compile("(\\d{4}|\\d{6}|\\d{9}|\\d{12})-\\d{4}-\\d{6}");

    private final CitizenMessages messages;
    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final CaseStore store;
    private final BlindIndex index;

    VillageAgency(CitizenMessages messages, TenantTransactions tx, JdbcTemplate jdbc, CaseStore store, BlindIndex index) {
        this.messages = messages;
        this.tx = tx;
        this.jdbc = jdbc;
        this.store = store;
        this.index = index;
    }

    /**
     * The applicant claims a case a station recorded for them (T3): by its case number and their ID number (an
     * individual applicant's, matched by the blind index; M3). The case and its messages become the account's; the
     * claim is recorded on the case (C16). Whatever does not match — no such case, not a station's, another ID number —
     * is the same NOT_FOUND, so the claim tells nothing about other people's cases; a case another account claimed
     * already is a CONFLICT.
     */
    StationApi.ClaimedCase claim(Caller caller, StationApi.ClaimRequest in) {
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("由申请人本人（公众账号）认领代办点受理的办件");
        String number = in == null || in.caseNumber() == null ? "" : in.caseNumber().strip();
        if (!CASE_NUMBER.matcher(number).matches() || !DivisionCodes.isTenant(number.substring(0, number.indexOf('-')))) {
            throw ApiException.validation("caseNumber", "办件编号格式不正确（如 441825-2026-000123）: " + number);
        }
        String idIndex = index.of(ResidentIdNumber.parse("idNumber", in.idNumber()));
        String tenant = number.substring(0, number.indexOf('-'));
        return tx.write(tenant, () -> {
            CaseRow c = jdbc.query("select * from case_file where tenant_id = ? and case_number = ? for update", CaseStore::row, tenant, number)
                    .stream().findFirst()
                    .filter(x -> x.stationSite != null && idIndex.equals(x.applicantIdIndex))
                    .orElseThrow(() -> ApiException.notFound("caseNumber", "没有与该身份证号相符的代办点办件: " + number));
            if (caller.userId().equals(c.citizenId)) return new StationApi.ClaimedCase(c.tenantId + ":" + c.id, c.caseNumber, c.stationSite, true);
            if (c.citizenId != null) {
                throw new ApiException(ErrorCode.CONFLICT, "该办件已由另一账号认领；如有疑问，请联系代办员", "caseNumber", "T3");
            }
            Instant now = Instant.now();
            jdbc.update("update case_file set citizen_id = ?, version = version + 1, updated_at = ? where tenant_id = ? and id = ?",
                    caller.userId(), java.sql.Timestamp.from(now), c.tenantId, c.id);
            jdbc.update("update citizen_message set citizen_id = ? where tenant_id = ? and case_id = ? and citizen_id is null",
                    caller.userId(), c.tenantId, c.id);
            // the applicant's list (myCases), as a case they filed themselves
            jdbc.update("insert into citizen_case (case_id, citizen_id, tenant_id, submitted_at) values (?, ?, ?, ?) on conflict (tenant_id, case_id) do nothing",
                    c.id, caller.userId(), c.tenantId, java.sql.Timestamp.from(c.submittedAt));
            c.citizenId = caller.userId();
            c.updatedAt = now;
            store.record(c, Actor.of(caller, null), "CLAIMED_BY_APPLICANT", "申请人认领代办点受理的办件到本人账号", null);
            return new StationApi.ClaimedCase(c.tenantId + ":" + c.id, c.caseNumber, c.stationSite, false);
        });
    }

    /**
     * The messages of the tenant's station cases whose applicant has no account (the SMS went to their contact
     * phone; the agent answers them in person): for the tenant's own staff, one station's (the caller's own by
     * default) or, for staff not posted at a station, every station's.
     */
    Page<CitizenMessage> messages(Caller caller, String tenantCode, String siteCode, Integer first, String after) {
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) throw ApiException.forbidden("只能查看本中心代办点的办件消息");
        String site = siteCode == null || siteCode.isBlank() ? caller.site().orElse(null) : siteCode.trim();
        if (site != null && (!site.startsWith(tenantCode) || !site.chars().allMatch(Character::isDigit))) {
            throw new ApiException(ErrorCode.VALIDATION, "代办点代码应为本中心（" + tenantCode + "）下的乡镇或村（社区）代码: " + site, "siteCode", "T3");
        }
        return messages.withoutAccount(tenantCode, site, first, after);
    }
}
