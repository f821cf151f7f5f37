package cn.zwy.tenant.catalog.standard;

import cn.zwy.common.security.Callers;
import cn.zwy.tenant.catalog.ChangeKind;
import cn.zwy.tenant.catalog.ItemType;
import cn.zwy.tenant.catalog.guide.GuideConflicts;
import cn.zwy.tenant.catalog.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST of the standard catalog: GETs are public, changes are the province administrator's. */
@RestController
public class StandardCatalogController {

    private final StandardCatalogService catalog;
    private final GuideConflicts conflicts;

    public StandardCatalogController(StandardCatalogService catalog, GuideConflicts conflicts) {
        this.catalog = catalog;
        this.conflicts = conflicts;
    }

    @GetMapping("/api/provinces/{provinceCode}/standard-items")
    public Page<StandardItemView> list(@PathVariable String provinceCode, @RequestParam(required = false) String text,
                                       @RequestParam(required = false) ItemType itemType,
                                       @RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return catalog.list(provinceCode, text, itemType, first, after);
    }

    @GetMapping("/api/standard-items/{id}")
    public StandardItemView get(@PathVariable UUID id) {
        return catalog.get(id);
    }

    @GetMapping("/api/standard-items/{id}/versions")
    public Page<StandardItemView> versions(@PathVariable UUID id, @RequestParam(required = false) Integer first,
                                           @RequestParam(required = false) String after) {
        return catalog.versions(id, first, after);
    }

    @PostMapping("/api/provinces/{provinceCode}/standard-items")
    @ResponseStatus(HttpStatus.CREATED)
    public StandardCatalogService.Announced add(@PathVariable String provinceCode, @RequestBody StandardItemInput input) {
        return catalog.add(Callers.require(), provinceCode, input);
    }

    @PostMapping("/api/standard-items/{id}/changes")
    @ResponseStatus(HttpStatus.CREATED)
    public StandardCatalogService.Announced change(@PathVariable UUID id, @RequestBody StandardItemInput input) {
        StandardCatalogService.Announced announced = catalog.change(Callers.require(), id, input);
        if (input.kind() == ChangeKind.CANCEL) return announced;
        // S5 (issue 6): after the change has committed, the guides it breaks in every tenant of the
        // province (each read under its own binding), so that the administrator sees what it caused
        return announced.flagging(conflicts.flaggedTenants(announced.item().provinceCode(), id));
    }
}
