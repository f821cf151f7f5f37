package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.StandardItemAnnounced;
import cn.zwy.tenant.api.catalog.StandardItemInput;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.common.security.Callers;
import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.catalog.guide.GuideConflicts;
import cn.zwy.common.api.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST of the standard catalog (tenant-api's {@link CatalogApi}): GETs are public, changes are the province administrator's. */
@RestController
public class StandardCatalogController {

    private final StandardCatalogService catalog;
    private final GuideConflicts conflicts;

    public StandardCatalogController(StandardCatalogService catalog, GuideConflicts conflicts) {
        this.catalog = catalog;
        this.conflicts = conflicts;
    }

    @GetMapping(CatalogApi.STANDARD_ITEMS)
    public Page<StandardItemView> list(@PathVariable String provinceCode, @RequestParam(required = false) String text,
                                       @RequestParam(required = false) ItemType itemType,
                                       @RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return catalog.list(provinceCode, text, itemType, first, after);
    }

    @GetMapping(CatalogApi.STANDARD_ITEM)
    public StandardItemView get(@PathVariable UUID id) {
        return catalog.get(id);
    }

    @GetMapping(CatalogApi.STANDARD_VERSIONS)
    public Page<StandardItemView> versions(@PathVariable UUID id, @RequestParam(required = false) Integer first,
                                           @RequestParam(required = false) String after) {
        return catalog.versions(id, first, after);
    }

    @PostMapping(CatalogApi.STANDARD_ITEMS)
    @ResponseStatus(HttpStatus.CREATED)
    public StandardItemAnnounced add(@PathVariable String provinceCode, @RequestBody StandardItemInput input) {
        return catalog.add(Callers.require(), provinceCode, input);
    }

    @PostMapping(CatalogApi.STANDARD_CHANGES)
    @ResponseStatus(HttpStatus.CREATED)
    public StandardItemAnnounced change(@PathVariable UUID id, @RequestBody StandardItemInput input) {
        StandardItemAnnounced announced = catalog.change(Callers.require(), id, input);
        if (input.kind() == ChangeKind.CANCEL) return announced;
        // S5 (issue 6): after the change has committed, the guides it breaks in every tenant of the
        // province (each read under its own binding), so that the administrator sees what it caused
        return announced.flagging(conflicts.flaggedTenants(announced.item().provinceCode(), id));
    }
}
