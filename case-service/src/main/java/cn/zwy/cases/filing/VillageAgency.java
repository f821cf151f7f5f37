package cn.zwy.cases.filing;

import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
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

    private final CitizenMessages messages;

    VillageAgency(CitizenMessages messages) {
        this.messages = messages;
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
