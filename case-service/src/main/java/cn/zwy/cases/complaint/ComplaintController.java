package cn.zwy.cases.complaint;

import cn.zwy.cases.api.ComplaintApi;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link ComplaintApi}. */
@RestController
class ComplaintController {

    private final Complaints complaints;
    private final ComplaintSteps steps;
    private final ComplaintQueries queries;

    ComplaintController(Complaints complaints, ComplaintSteps steps, ComplaintQueries queries) {
        this.complaints = complaints;
        this.steps = steps;
        this.queries = queries;
    }

    @PostMapping(ComplaintApi.FILE)
    ComplaintApi.Complaint file(@RequestBody(required = false) ComplaintApi.ComplaintRequest request) {
        return complaints.file(Callers.require(), request);
    }

    @PostMapping(ComplaintApi.RECORD)
    ComplaintApi.Complaint record(@PathVariable String tenantCode, @RequestBody(required = false) ComplaintApi.ComplaintRequest request) {
        return complaints.record(Callers.require(), tenantCode, request);
    }

    @PostMapping(ComplaintApi.HOTLINE)
    ComplaintApi.Complaint importHotline(@PathVariable String tenantCode, @RequestBody(required = false) ComplaintApi.ComplaintRequest request) {
        return complaints.importHotline(Callers.require(), tenantCode, request);
    }

    @GetMapping(ComplaintApi.MINE)
    Page<ComplaintApi.Complaint> mine(@RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return queries.mine(Callers.require(), first, after);
    }

    @GetMapping(ComplaintApi.LIST)
    Page<ComplaintApi.Complaint> complaints(@PathVariable String tenantCode, @RequestParam(required = false) String state,
                                            @RequestParam(required = false) Boolean late, @RequestParam(required = false) Boolean aboutMe,
                                            @RequestParam(required = false) String channel, @RequestParam(required = false) Integer first,
                                            @RequestParam(required = false) String after) {
        return queries.list(Callers.require(), tenantCode, state, late, aboutMe, channel, first, after);
    }

    @GetMapping(ComplaintApi.ONE)
    ComplaintApi.Complaint complaint(@PathVariable String id) {
        return queries.one(Callers.require(), id);
    }

    @GetMapping(ComplaintApi.APPRAISAL)
    ComplaintApi.Appraisal appraisal(@PathVariable String tenantCode, @RequestParam int year, @RequestParam(required = false) String dimension) {
        return queries.appraisal(Callers.require(), tenantCode, year, dimension);
    }

    @PostMapping(ComplaintApi.ACCEPT)
    ComplaintApi.Complaint accept(@PathVariable String id, @RequestBody(required = false) ComplaintApi.Accept request) {
        return steps.accept(Callers.require(), id, request);
    }

    @PostMapping(ComplaintApi.REFUSE)
    ComplaintApi.Complaint refuse(@PathVariable String id, @RequestBody(required = false) ComplaintApi.Refuse request) {
        return steps.refuse(Callers.require(), id, request);
    }

    @PostMapping(ComplaintApi.ASSIGN)
    ComplaintApi.Complaint assign(@PathVariable String id, @RequestBody(required = false) ComplaintApi.Assign request) {
        return steps.assign(Callers.require(), id, request);
    }

    @PostMapping(ComplaintApi.DELAY)
    ComplaintApi.Complaint delay(@PathVariable String id, @RequestBody(required = false) ComplaintApi.Delay request) {
        return steps.delay(Callers.require(), id, request);
    }

    @PostMapping(ComplaintApi.RESULT)
    ComplaintApi.Complaint result(@PathVariable String id, @RequestBody(required = false) ComplaintApi.Result request) {
        return steps.result(Callers.require(), id, request);
    }

    @PostMapping(ComplaintApi.SATISFACTION)
    ComplaintApi.Complaint satisfaction(@PathVariable String id, @RequestBody(required = false) ComplaintApi.Satisfaction request) {
        return steps.satisfaction(Callers.require(), id, request);
    }

    @PostMapping(ComplaintApi.REVIEW)
    ComplaintApi.Complaint requestReview(@PathVariable String id, @RequestBody(required = false) ComplaintApi.ReviewRequest request) {
        return steps.requestReview(Callers.require(), id, request);
    }
}
