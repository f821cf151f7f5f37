package cn.zwy.cases.filing;

import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.StationApi;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link StationApi} (T3). */
@RestController
class StationController {

    private final CaseService cases;
    private final VillageAgency agency;

    StationController(CaseService cases, VillageAgency agency) {
        this.cases = cases;
        this.agency = agency;
    }

    @PostMapping(StationApi.SUBMISSIONS)
    Receipt submit(@RequestBody(required = false) StationApi.StationSubmission request) {
        return cases.submitAtStation(Callers.require(), request);
    }

    @PostMapping(StationApi.CLAIM)
    StationApi.ClaimedCase claim(@RequestBody(required = false) StationApi.ClaimRequest request) {
        return agency.claim(Callers.require(), request);
    }

    @GetMapping(StationApi.MESSAGES)
    Page<CitizenMessage> messages(@PathVariable String tenantCode, @RequestParam(required = false) String siteCode,
                                  @RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return agency.messages(Callers.require(), tenantCode, siteCode, first, after);
    }
}
