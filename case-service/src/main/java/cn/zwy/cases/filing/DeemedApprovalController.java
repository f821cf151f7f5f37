package cn.zwy.cases.filing;

import cn.zwy.cases.api.DeemedApprovalApi;
import cn.zwy.common.security.Callers;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link DeemedApprovalApi}. */
@RestController
class DeemedApprovalController {

    private final DeemedApproval deemed;

    DeemedApprovalController(DeemedApproval deemed) {
        this.deemed = deemed;
    }

    @GetMapping(DeemedApprovalApi.ITEMS)
    List<DeemedApprovalApi.Item> items(@PathVariable String tenantCode) {
        return deemed.items(Callers.require(), tenantCode);
    }

    @PutMapping(DeemedApprovalApi.ITEM)
    DeemedApprovalApi.Item set(@PathVariable String tenantCode, @PathVariable String itemId,
                               @RequestBody(required = false) DeemedApprovalApi.Switch body) {
        return deemed.set(Callers.require(), tenantCode, itemId, body);
    }
}
