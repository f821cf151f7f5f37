package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.CrossLevelApi;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link CrossLevelApi} (C11). */
@RestController
class CrossLevelController {

    private final CaseService cases;
    private final CrossLevel crossLevel;

    CrossLevelController(CaseService cases, CrossLevel crossLevel) {
        this.cases = cases;
        this.crossLevel = crossLevel;
    }

    @GetMapping(CrossLevelApi.ESCALATION)
    CrossLevelApi.Escalation get(@PathVariable String id) {
        return crossLevel.get(Callers.require(), id);
    }

    @PostMapping(CrossLevelApi.ESCALATION)
    CaseView escalate(@PathVariable String id, @RequestBody(required = false) CrossLevelApi.Escalate body) {
        return cases.escalateCase(Callers.require(), id, body);
    }

    @PostMapping(CrossLevelApi.REPLY)
    CaseView reply(@PathVariable String id, @RequestBody(required = false) CrossLevelApi.Reply body) {
        return cases.replyToEscalation(Callers.require(), id, body);
    }
}
