package cn.zwy.tenant.region;

import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.RegionView;
import cn.zwy.tenant.api.region.TenantView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST (public data): the division tree and the tenant registry; tenant-api's {@link RegionApi}. */
@RestController
public class RegionController {

    private final RegionDirectory directory;

    public RegionController(RegionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping(RegionApi.REGIONS)
    public List<RegionView> children(@RequestParam(name = "parent", required = false) String parent) {
        return directory.children(parent);
    }

    @GetMapping(RegionApi.REGION)
    public RegionView region(@PathVariable String code) {
        return directory.region(code);
    }

    @GetMapping(RegionApi.TENANT)
    public TenantView tenant(@PathVariable String code) {
        return directory.tenant(code);
    }
}
