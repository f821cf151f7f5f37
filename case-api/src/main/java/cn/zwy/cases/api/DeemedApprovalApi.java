package cn.zwy.cases.api;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;

/**
 * Deemed approval on timeout (超时默认, C9), switched per item by the tenant's centre administrator:
 * a case accepted while it is on is approved when its deadline passes without a decision, and its
 * acceptance notice says so.
 */
@HttpExchange
public interface DeemedApprovalApi {

    String ITEMS = "/api/cases/deemed-approval/{tenantCode}";
    String ITEM = "/api/cases/deemed-approval/{tenantCode}/{itemId}";

    /** The items with a recorded switch (on or off), for the tenant's staff and its province's administrator. */
    @GetExchange(ITEMS)
    Mono<List<Item>> items(@PathVariable("tenantCode") String tenantCode);

    /** The centre administrator switches it on or off for one of the tenant's items. */
    @PutExchange(ITEM)
    Mono<Item> set(@PathVariable("tenantCode") String tenantCode, @PathVariable("itemId") String itemId, @RequestBody Switch body);

    record Switch(Boolean enabled) {}

    record Item(String itemId, String itemName, boolean enabled, String changedBy, Instant changedAt) {}
}
