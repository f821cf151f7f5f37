package cn.zwy.tenant.api.hall;

import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.PublicRead;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** Halls of a tenant (A1–A4, T3). tenant-service's {@code HallController} answers these paths. */
@HttpExchange
public interface HallApi {

    String HALL = "/api/tenants/{tenantCode}/hall";
    String HALLS = "/api/tenants/{tenantCode}/halls";
    String HALL_CHANGES = "/api/tenants/{tenantCode}/hall-changes";
    String MAIN_HALLS = "/api/halls/main";
    /** The most tenants {@link #mainHalls} answers for in one call. */
    int MAX_TENANTS_PER_READ = 100;

    @PublicRead
    @GetExchange(HALL)
    Mono<HallView> hall(@PathVariable String tenantCode);

    /** Every hall of the tenant, main hall first. */
    @PublicRead
    @GetExchange(HALLS)
    Mono<List<HallView>> halls(@PathVariable String tenantCode);

    /**
     * The main halls of several tenants (a region list shows each tenant's hall), in the order
     * asked; a tenant that is unknown or has no main hall is left out.
     */
    @PublicRead
    @GetExchange(MAIN_HALLS)
    Mono<List<HallView>> mainHalls(@RequestParam List<String> tenantCode);

    @PatchExchange(HALL)
    Mono<HallView> update(@PathVariable String tenantCode, @RequestBody HallUpdate update);

    @PostExchange(HALLS)
    Mono<HallView> add(@PathVariable String tenantCode, @RequestBody NewHall hall);

    /** The change record, newest first: the tenant's staff and its province's administrator. */
    @GetExchange(HALL_CHANGES)
    Mono<Page<HallChangeView>> changes(@PathVariable String tenantCode, @RequestParam(required = false) Integer first,
                                       @RequestParam(required = false) String after);
}
