package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.EntrustmentApi;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link EntrustmentApi}. */
@RestController
class EntrustmentController {

    private final CaseService cases;
    private final Entrustments entrustments;

    EntrustmentController(CaseService cases, Entrustments entrustments) {
        this.cases = cases;
        this.entrustments = entrustments;
    }

    @GetMapping(EntrustmentApi.ENTRUSTMENT)
    EntrustmentApi.Entrustment get(@PathVariable String id) {
        return entrustments.get(Callers.require(), id);
    }

    @PostMapping(EntrustmentApi.ENTRUSTMENT)
    CaseView record(@PathVariable String id, @RequestBody(required = false) EntrustmentApi.Record body) {
        return cases.recordEntrustment(Callers.require(), id, body);
    }
}
