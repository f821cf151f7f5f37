package cn.zwy.cases.booking;

import cn.zwy.cases.api.SpecialServiceApi;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link SpecialServiceApi} (A7). */
@RestController
class SpecialServiceController {

    private final SpecialServices services;

    SpecialServiceController(SpecialServices services) {
        this.services = services;
    }

    @PostMapping(SpecialServiceApi.REQUESTS)
    SpecialServiceApi.SpecialServiceRequest request(@RequestBody(required = false) SpecialServiceApi.Request request) {
        return services.request(Callers.require(), request);
    }

    @GetMapping(SpecialServiceApi.MINE)
    Page<SpecialServiceApi.SpecialServiceRequest> mine(@RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return services.mine(Callers.require(), first, after);
    }

    @PostMapping(SpecialServiceApi.CANCEL)
    SpecialServiceApi.SpecialServiceRequest cancel(@PathVariable String id) {
        return services.cancel(Callers.require(), id);
    }

    @GetMapping(SpecialServiceApi.OF_TENANT)
    Page<SpecialServiceApi.SpecialServiceRequest> ofTenant(@PathVariable String tenantCode, @RequestParam(required = false) String status,
                                                           @RequestParam(required = false) Integer first,
                                                           @RequestParam(required = false) String after) {
        return services.ofTenant(Callers.require(), tenantCode, status, first, after);
    }

    @PostMapping(SpecialServiceApi.SCHEDULE)
    SpecialServiceApi.SpecialServiceRequest schedule(@PathVariable String id, @RequestBody(required = false) SpecialServiceApi.Schedule schedule) {
        return services.schedule(Callers.require(), id, schedule);
    }

    @PostMapping(SpecialServiceApi.DECLINE)
    SpecialServiceApi.SpecialServiceRequest decline(@PathVariable String id, @RequestBody(required = false) SpecialServiceApi.Decline decline) {
        return services.decline(Callers.require(), id, decline);
    }
}
