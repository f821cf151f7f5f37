package cn.zwy.cases.filing;

import cn.zwy.cases.api.SupervisionApi;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link SupervisionApi} (C15). */
@RestController
class SupervisionController {

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping(SupervisionApi.ITEMS)
    List<SupervisionApi.Item> items(@PathVariable String tenantCode) {
        return supervision.items(Callers.require(), tenantCode);
    }

    @PutMapping(SupervisionApi.ITEM)
    SupervisionApi.Item set(@PathVariable String tenantCode, @PathVariable String itemId,
                            @RequestBody(required = false) SupervisionApi.Assign body) {
        return supervision.set(Callers.require(), tenantCode, itemId, body);
    }

    @GetMapping(SupervisionApi.INBOX)
    Page<SupervisionApi.Push> inbox(@PathVariable String tenantCode, @RequestParam String departmentId,
                                    @RequestParam(required = false) Boolean unacknowledgedOnly,
                                    @RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return supervision.inbox(Callers.require(), tenantCode, departmentId, unacknowledgedOnly, first, after);
    }

    @PostMapping(SupervisionApi.ACKNOWLEDGE)
    SupervisionApi.Push acknowledge(@PathVariable String id) {
        return supervision.acknowledge(Callers.require(), id);
    }
}
