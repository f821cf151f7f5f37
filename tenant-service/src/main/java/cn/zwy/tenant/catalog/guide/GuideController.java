package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.Announcement;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.common.security.Callers;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.catalog.SixWay;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal REST of guides: the paths and types of tenant-api's {@link CatalogApi}. The GETs of items and versions are public (published content only,
 * drafts added for the tenant's staff when a token is sent); everything else needs a token and
 * the service checks the caller itself.
 */
@RestController
public class GuideController {

    private final GuideService guides;
    private final GuideConflicts conflicts;

    public GuideController(GuideService guides, GuideConflicts conflicts) {
        this.guides = guides;
        this.conflicts = conflicts;
    }

    @GetMapping(CatalogApi.FLAGGED)
    public List<GuideViews.Flagged> flagged(@PathVariable String tenantCode) {
        return conflicts.flagged(Callers.require(), tenantCode);
    }

    @GetMapping(CatalogApi.ITEMS)
    public Page<GuideViews.Summary> items(@PathVariable String tenantCode,
                                          @RequestParam(required = false) String text,
                                          @RequestParam(required = false) ItemType itemType,
                                          @RequestParam(required = false) CaseClass caseClass,
                                          @RequestParam(required = false) SixWay tag,
                                          @RequestParam(required = false) Boolean toleratedMissing,
                                          @RequestParam(required = false) CrossRegionScope crossRegion,
                                          @RequestParam(required = false) Boolean includeUnpublished,
                                          @RequestParam(required = false) Integer first,
                                          @RequestParam(required = false) String after) {
        return guides.items(Callers.current(), tenantCode,
                new ItemFilter(text, itemType, caseClass, tag, toleratedMissing, crossRegion, includeUnpublished), first, after);
    }

    @GetMapping(CatalogApi.ITEM)
    public GuideViews.Item item(@PathVariable String tenantCode, @PathVariable UUID id) {
        return guides.item(Callers.current(), tenantCode, id);
    }

    @GetMapping(CatalogApi.ITEM_VERSIONS)
    public Page<GuideViews.Version> versions(@PathVariable String tenantCode, @PathVariable UUID id,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after) {
        return guides.versions(tenantCode, id, first, after);
    }

    @GetMapping(CatalogApi.GUIDE_VERSION)
    public GuideViews.Version version(@PathVariable String tenantCode, @PathVariable UUID versionId) {
        return guides.version(Callers.current(), tenantCode, versionId);
    }

    @GetMapping(CatalogApi.GUIDANCE)
    public GuideViews.GuidanceView guidance(@PathVariable String tenantCode, @PathVariable UUID id,
                                            @RequestParam(required = false) List<String> answer) {
        return guides.guidance(tenantCode, id, answer);
    }

    @GetMapping(CatalogApi.VALIDATION)
    public GuideViews.Validation validate(@PathVariable String tenantCode, @PathVariable UUID id) {
        return guides.validate(Callers.require(), tenantCode, id);
    }

    @PostMapping(CatalogApi.ITEMS)
    @ResponseStatus(HttpStatus.CREATED)
    public GuideViews.Item adopt(@PathVariable String tenantCode, @RequestBody CatalogApi.Adoption body) {
        return guides.adopt(Callers.require(), tenantCode, body.standardItemId());
    }

    @PutMapping(CatalogApi.DRAFT)
    public GuideViews.DraftSaved saveDraft(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody GuideContent body) {
        return guides.saveDraft(Callers.require(), tenantCode, id, body);
    }

    @PostMapping(CatalogApi.PUBLICATION)
    @ResponseStatus(HttpStatus.CREATED)
    public GuideViews.Announced publish(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody Announcement body) {
        return guides.publish(Callers.require(), tenantCode, id, body);
    }

    @PostMapping(CatalogApi.WITHDRAWAL)
    @ResponseStatus(HttpStatus.CREATED)
    public GuideViews.Announced withdraw(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody Announcement body) {
        return guides.withdraw(Callers.require(), tenantCode, id, body);
    }
}
