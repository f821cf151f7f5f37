package cn.zwy.cases.api;

import cn.zwy.common.api.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;

/**
 * Approval–supervision split (审管分离, C15): the centre administrator names each item's supervising
 * department (one of the tenant's departments, T5); when a case of the item completes (decided, deemed
 * approved, or finished on the spot), its result and a reference to its materials are pushed to that
 * department's inbox in the completion's transaction, and the department acknowledges each.
 */
@HttpExchange
public interface SupervisionApi {

    String ITEMS = "/api/cases/supervision/{tenantCode}/items";
    String ITEM = ITEMS + "/{itemId}";
    String INBOX = "/api/cases/supervision/{tenantCode}/inbox";
    String ACKNOWLEDGE = "/api/cases/{id}/supervision/acknowledge";

    /** The items with a supervising department, for the tenant's staff and its province's administrator. */
    @GetExchange(ITEMS)
    Mono<List<Item>> items(@PathVariable("tenantCode") String tenantCode);

    /** The centre administrator names (or, with no department, removes) an item's supervising department. */
    @PutExchange(ITEM)
    Mono<Item> set(@PathVariable("tenantCode") String tenantCode, @PathVariable("itemId") String itemId, @RequestBody Assign body);

    /** A department's pushed cases, newest completion first (unacknowledged ones only when asked). */
    @GetExchange(INBOX)
    Mono<Page<Push>> inbox(@PathVariable("tenantCode") String tenantCode, @RequestParam("departmentId") String departmentId,
                           @RequestParam(name = "unacknowledgedOnly", required = false) Boolean unacknowledgedOnly,
                           @RequestParam(name = "first", required = false) Integer first,
                           @RequestParam(name = "after", required = false) String after);

    /** The department confirms it received the push (once; again answers the first acknowledgement). */
    @PostExchange(ACKNOWLEDGE)
    Mono<Push> acknowledge(@PathVariable("id") String id);

    record Assign(String departmentId) {}

    record Item(String itemId, String itemName, String departmentId, String departmentName, String changedBy, Instant changedAt) {}

    record MaterialRef(String name, int copies, String uploadId) {}

    record Push(String caseId, String caseNumber, String itemId, String itemName, String departmentId, String departmentName,
                String result, String resultReason, List<MaterialRef> materials, Instant completedAt, Instant acknowledgedAt,
                String acknowledgedBy) {}
}
