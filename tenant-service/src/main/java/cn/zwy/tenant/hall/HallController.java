package cn.zwy.tenant.hall;

import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST for halls. The service checks the caller itself; it does not trust the gateway. */
@RestController
@RequestMapping("/api/tenants/{tenantCode}")
public class HallController {

    private final HallService halls;

    public HallController(HallService halls) {
        this.halls = halls;
    }

    @GetMapping("/hall")
    public HallView hall(@PathVariable String tenantCode) {
        return halls.mainHall(tenantCode);
    }

    @GetMapping("/halls")
    public java.util.List<HallView> halls(@PathVariable String tenantCode) {
        return halls.halls(tenantCode);
    }

    @PatchMapping("/hall")
    public HallView update(@PathVariable String tenantCode, @RequestBody HallUpdate update) {
        return halls.updateMainHall(Callers.require(), tenantCode, update);
    }

    @org.springframework.web.bind.annotation.PostMapping("/halls")
    public HallView add(@PathVariable String tenantCode, @RequestBody HallService.NewHall input) {
        return halls.addHall(Callers.require(), tenantCode, input);
    }

    @GetMapping("/hall-changes")
    public HallChangePage changes(@PathVariable String tenantCode,
                                  @RequestParam(required = false) Integer first,
                                  @RequestParam(required = false) String after) {
        return halls.changes(Callers.require(), tenantCode, first, after);
    }
}
