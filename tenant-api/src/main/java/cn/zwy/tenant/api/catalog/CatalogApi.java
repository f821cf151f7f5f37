package cn.zwy.tenant.api.catalog;

import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.PublicRead;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;

/**
 * The service catalog (S1–S6): tenant-service's {@code GuideController} and
 * {@code StandardCatalogController}. The public reads show published content; with a token of
 * the tenant's staff they add drafts.
 */
@HttpExchange
public interface CatalogApi {

    String ITEMS = "/api/tenants/{tenantCode}/items";
    String ITEM = "/api/tenants/{tenantCode}/items/{id}";
    String ITEM_VERSIONS = "/api/tenants/{tenantCode}/items/{id}/versions";
    String GUIDE_VERSION = "/api/tenants/{tenantCode}/guide-versions/{versionId}";
    String GUIDANCE = "/api/tenants/{tenantCode}/items/{id}/guidance";
    String VALIDATION = "/api/tenants/{tenantCode}/items/{id}/validation";
    String FLAGGED = "/api/tenants/{tenantCode}/flagged-items";
    String DRAFT = "/api/tenants/{tenantCode}/items/{id}/draft";
    String PUBLICATION = "/api/tenants/{tenantCode}/items/{id}/publication";
    String WITHDRAWAL = "/api/tenants/{tenantCode}/items/{id}/withdrawal";
    String STANDARD_ITEMS = "/api/provinces/{provinceCode}/standard-items";
    String STANDARD_ITEM = "/api/standard-items/{id}";
    String STANDARD_VERSIONS = "/api/standard-items/{id}/versions";
    String STANDARD_CHANGES = "/api/standard-items/{id}/changes";

    /** Body of the adoption request. */
    record Adoption(UUID standardItemId) {}

    @PublicRead
    @GetExchange(ITEMS)
    Mono<Page<GuideViews.Summary>> items(@PathVariable String tenantCode,
                                         @RequestParam(required = false) String text,
                                         @RequestParam(required = false) ItemType itemType,
                                         @RequestParam(required = false) CaseClass caseClass,
                                         @RequestParam(required = false) SixWay tag,
                                         @RequestParam(required = false) Boolean toleratedMissing,
                                         @RequestParam(required = false) CrossRegionScope crossRegion,
                                         @RequestParam(required = false) Boolean includeUnpublished,
                                         @RequestParam(required = false) Integer first,
                                         @RequestParam(required = false) String after);

    @PublicRead
    @GetExchange(ITEM)
    Mono<GuideViews.Item> item(@PathVariable String tenantCode, @PathVariable UUID id);

    @PublicRead
    @GetExchange(ITEM_VERSIONS)
    Mono<Page<GuideViews.Version>> versions(@PathVariable String tenantCode, @PathVariable UUID id,
                                            @RequestParam(required = false) Integer first,
                                            @RequestParam(required = false) String after);

    @PublicRead
    @GetExchange(GUIDE_VERSION)
    Mono<GuideViews.Version> version(@PathVariable String tenantCode, @PathVariable UUID versionId);

    /**
     * Situation-based guidance (G2) of the version in effect today; {@code answer} = "questionId:value",
     * one per question answered so far.
     */
    @PublicRead
    @GetExchange(GUIDANCE)
    Mono<GuideViews.GuidanceView> guidance(@PathVariable String tenantCode, @PathVariable UUID id,
                                           @RequestParam(required = false) List<String> answer);

    @GetExchange(VALIDATION)
    Mono<GuideViews.Validation> validate(@PathVariable String tenantCode, @PathVariable UUID id);

    /** Items flagged by a change of the standard catalog's legal limits (S5). */
    @GetExchange(FLAGGED)
    Mono<List<GuideViews.Flagged>> flagged(@PathVariable String tenantCode);

    @PostExchange(ITEMS)
    Mono<GuideViews.Item> adopt(@PathVariable String tenantCode, @RequestBody Adoption body);

    @PutExchange(DRAFT)
    Mono<GuideViews.DraftSaved> saveDraft(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody GuideContent guide);

    @PostExchange(PUBLICATION)
    Mono<GuideViews.Announced> publish(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody Announcement body);

    @PostExchange(WITHDRAWAL)
    Mono<GuideViews.Announced> withdraw(@PathVariable String tenantCode, @PathVariable UUID id, @RequestBody Announcement body);

    @PublicRead
    @GetExchange(STANDARD_ITEMS)
    Mono<Page<StandardItemView>> standardItems(@PathVariable String provinceCode,
                                               @RequestParam(required = false) String text,
                                               @RequestParam(required = false) ItemType itemType,
                                               @RequestParam(required = false) Integer first,
                                               @RequestParam(required = false) String after);

    @PublicRead
    @GetExchange(STANDARD_ITEM)
    Mono<StandardItemView> standardItem(@PathVariable UUID id);

    @PublicRead
    @GetExchange(STANDARD_VERSIONS)
    Mono<Page<StandardItemView>> standardVersions(@PathVariable UUID id, @RequestParam(required = false) Integer first,
                                                  @RequestParam(required = false) String after);

    @PostExchange(STANDARD_ITEMS)
    Mono<StandardItemAnnounced> addStandardItem(@PathVariable String provinceCode, @RequestBody StandardItemInput input);

    @PostExchange(STANDARD_CHANGES)
    Mono<StandardItemAnnounced> changeStandardItem(@PathVariable UUID id, @RequestBody StandardItemInput input);
}
