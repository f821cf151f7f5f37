package cn.zwy.tenant.hall;

import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallChangeView;
import cn.zwy.tenant.api.hall.HallUpdate;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.hall.NewHall;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal REST for halls: the paths and types of tenant-api's {@link HallApi} (ADR 0008). The
 * service checks the caller itself; it does not trust the gateway.
 */
@RestController
public class HallController {

    private final HallService halls;

    public HallController(HallService halls) {
        this.halls = halls;
    }

    @GetMapping(HallApi.HALL)
    public HallView hall(@PathVariable String tenantCode) {
        return halls.mainHall(tenantCode);
    }

    @GetMapping(HallApi.HALLS)
    public List<HallView> halls(@PathVariable String tenantCode) {
        return halls.halls(tenantCode);
    }

    @GetMapping(HallApi.MAIN_HALLS)
    public List<HallView> mainHalls(@RequestParam List<String> tenantCode) {
        return halls.mainHalls(tenantCode);
    }

    @PatchMapping(HallApi.HALL)
    public HallView update(@PathVariable String tenantCode, @RequestBody HallUpdate update) {
        return halls.updateMainHall(Callers.require(), tenantCode, update);
    }

    @PostMapping(HallApi.HALLS)
    public HallView add(@PathVariable String tenantCode, @RequestBody NewHall input) {
        return halls.addHall(Callers.require(), tenantCode, input);
    }

    @GetMapping(HallApi.HALL_CHANGES)
    public Page<HallChangeView> changes(@PathVariable String tenantCode,
                                        @RequestParam(required = false) Integer first,
                                        @RequestParam(required = false) String after) {
        return halls.changes(Callers.require(), tenantCode, first, after);
    }
}
