package cn.zwy.tenant.catalog.guide;

import cn.zwy.common.security.Callers;
import cn.zwy.tenant.catalog.CaseClass;
import cn.zwy.tenant.catalog.CrossRegionScope;
import cn.zwy.tenant.catalog.ItemType;
import cn.zwy.tenant.catalog.Page;
import cn.zwy.tenant.catalog.SixWay;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal REST of guides. The GETs of items and versions are public (published content only,
 * drafts added for the tenant's staff when a token is sent); everything else needs a token and
 * the service checks the caller itself.
 */
@RestController
@RequestMapping("/api/tenants/{tenantCode}")
public class GuideController {

    /** Body of the adoption request. */
    public record Adoption(UUID standardItemId) {}

    private final GuideService guides;
    private final GuideConflicts conflicts;

    public GuideController(GuideService guides, GuideConflicts conflicts) {
        this.guides = guides;
        this.conflicts = conflicts;
    }

    @GetMapping("/flagged-items")
    public List<GuideViews.Flagged> flagged(@PathVariable String tenantCode) {
        return conflicts.flagged(Callers.require(), tenantCode);
    }

    @GetMapping("/items")
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

    @GetMapping("/items/{id}")
    public GuideViews.Item item(@PathVariable String tenantCode, @PathVariable UUID id) {
        return guides.item(Callers.current(), tenantCode, id);
    }

    @GetMapping("/items/{id}/versions")
    public Page<GuideViews.Version> versions(@PathVariable String tenantCode, @PathVariable UUID id,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after) {
        return guides.versions(tenantCode, id, first, after);
    }

    @GetMapping("/guide-versions/{versionId}")
    public GuideViews.Version version(@PathVariable String tenantCode, @PathVariable UUID versionId) {
        return guides.version(Callers.current(), tenantCode, versionId);
    }

    @GetMapping("/items/{id}/validation")
    public GuideViews.Validation validate(@PathVariable String tenantCode, @PathVariable UUID id) {
        return guides.validate(Callers.require(), tenantCode, id);
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    public GuideViews.Item adopt(@PathVariable String tenantCode, @RequestBody Adoption body) {
        return guides.adopt(Callers.require(), tenantCode, body.standardItemId());
    }

    @PutMapping("/items/{id}/draft")
    public GuideViews.DraftSaved saveDraft(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody GuideContent body) {
        return guides.saveDraft(Callers.require(), tenantCode, id, body);
    }

    @PostMapping("/items/{id}/publication")
    @ResponseStatus(HttpStatus.CREATED)
    public GuideViews.Announced publish(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody Announcement body) {
        return guides.publish(Callers.require(), tenantCode, id, body);
    }

    @PostMapping("/items/{id}/withdrawal")
    @ResponseStatus(HttpStatus.CREATED)
    public GuideViews.Announced withdraw(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody Announcement body) {
        return guides.withdraw(Callers.require(), tenantCode, id, body);
    }
}
