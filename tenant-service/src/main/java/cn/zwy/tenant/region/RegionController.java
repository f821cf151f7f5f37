package cn.zwy.tenant.region;

import cn.zwy.tenant.tenant.TenantView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST (public data): the division tree and the tenant registry. */
@RestController
@RequestMapping("/api")
public class RegionController {

    private final RegionDirectory directory;

    public RegionController(RegionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/regions")
    public List<RegionView> children(@RequestParam(name = "parent", required = false) String parent) {
        return directory.children(parent);
    }

    @GetMapping("/regions/{code}")
    public RegionView region(@PathVariable String code) {
        return directory.region(code);
    }

    @GetMapping("/tenants/{code}")
    public TenantView tenant(@PathVariable String code) {
        return directory.tenant(code);
    }
}
