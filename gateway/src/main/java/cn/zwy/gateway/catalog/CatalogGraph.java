package cn.zwy.gateway.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.catalog.CatalogInputs.AddStandardItemInput;
import cn.zwy.gateway.catalog.CatalogInputs.AdoptStandardItemInput;
import cn.zwy.gateway.catalog.CatalogInputs.AnnounceGuideInput;
import cn.zwy.gateway.catalog.CatalogInputs.ChangeStandardItemInput;
import cn.zwy.gateway.catalog.CatalogInputs.ItemFilter;
import cn.zwy.gateway.catalog.CatalogInputs.SaveGuideDraftInput;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.tenant.api.catalog.Announcement;
import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.StandardItemAnnounced;
import cn.zwy.tenant.api.catalog.StandardItemView;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The catalog: public reads of published guides and standard catalogs, staff edits. tenant-service
 * owns the shapes (tenant-api's records, whose names are the schema's) and checks every caller
 * again, deciding alone what a role allows; this resolver refuses a tenant or province the caller
 * may not act for before calling it (ADR 0008).
 */
@Controller
public class CatalogGraph {

    private final CatalogApi catalog;

    public CatalogGraph(CatalogApi catalog) {
        this.catalog = catalog;
    }

    // ------------------------------------------------------------------ public reads (drafts too for the tenant's staff)

    @QueryMapping
    public Mono<Connection<GuideViews.Summary>> items(@Argument String tenantCode, @Argument ItemFilter filter,
                                                      @Argument Integer first, @Argument String after) {
        ItemFilter f = filter == null ? ItemFilter.NONE : filter;
        return catalog.items(tenantCode, f.text(), f.itemType(), f.caseClass(), f.tag(), f.toleratedMissing(), f.crossRegion(),
                f.includeUnpublished(), first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<GuideViews.Item> item(@Argument String id) {
        Ids.Scoped s = Ids.scoped("id", id);
        return orNull(catalog.item(s.tenantCode(), s.id()));
    }

    /**
     * G2: a step of situation-based guidance. The answers travel as "questionId:value" query parameters
     * (encoded by the HTTP interface, never spliced into the path); a question id never holds a colon.
     */
    @QueryMapping
    public Mono<GuideViews.GuidanceView> guidance(@Argument String itemId, @Argument List<GuidanceAnswers.Answer> answers) {
        Ids.Scoped s = Ids.scoped("itemId", itemId);
        List<String> given = GuidanceAnswers.encode(answers);
        return catalog.guidance(s.tenantCode(), s.id(), given);
    }

    @SchemaMapping(typeName = "Item", field = "versions")
    public Mono<Connection<GuideViews.Version>> itemVersions(GuideViews.Item item, @Argument Integer first, @Argument String after) {
        Ids.Scoped s = Ids.scoped("id", item.id());
        return catalog.versions(s.tenantCode(), s.id(), first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<GuideViews.Version> guideVersion(@Argument String id) {
        Ids.Scoped s = Ids.scoped("id", id);
        return orNull(catalog.version(s.tenantCode(), s.id()));
    }

    @QueryMapping
    public Mono<Connection<StandardItemView>> standardItems(@Argument String provinceCode, @Argument String text,
                                                            @Argument ItemType itemType, @Argument Integer first,
                                                            @Argument String after) {
        return catalog.standardItems(provinceCode, text, itemType, first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<StandardItemView> standardItem(@Argument String id) {
        return orNull(catalog.standardItem(Ids.uuid("id", id)));
    }

    @SchemaMapping(typeName = "StandardItem", field = "versions")
    public Mono<Connection<StandardItemView>> standardVersions(StandardItemView item, @Argument Integer first,
                                                               @Argument String after) {
        return catalog.standardVersions(item.id(), first, after).map(p -> Connection.of(p, after));
    }

    // ------------------------------------------------------------------ staff

    @QueryMapping
    public Mono<GuideViews.Validation> validateGuide(@Argument String itemId, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped s = Ids.scoped("itemId", itemId);
        if (!Callers.require(jwt).mayRead(s.tenantCode())) throw ApiException.forbidden("无权查看 " + s.tenantCode() + " 的办事指南草稿");
        return catalog.validate(s.tenantCode(), s.id());
    }

    /** Items flagged by a change of the standard catalog's legal limits (S5): the tenant's staff and its province's administrator. */
    @QueryMapping
    public Mono<List<GuideViews.Flagged>> flaggedItems(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的办事指南");
        return catalog.flagged(tenantCode);
    }

    public record AdoptStandardItemPayload(GuideViews.Item item) {}

    @MutationMapping
    public Mono<AdoptStandardItemPayload> adoptStandardItem(@Argument AdoptStandardItemInput input, @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return catalog.adopt(input.tenantCode(), new CatalogApi.Adoption(Ids.uuid("standardItemId", input.standardItemId())))
                .map(AdoptStandardItemPayload::new);
    }

    @MutationMapping
    public Mono<GuideViews.DraftSaved> saveGuideDraft(@Argument SaveGuideDraftInput input, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped s = Ids.scoped("itemId", input.itemId());
        requireActsFor(jwt, s.tenantCode());
        return catalog.saveDraft(s.tenantCode(), s.id(), input.guide());
    }

    @MutationMapping
    public Mono<GuideViews.Announced> publishGuide(@Argument AnnounceGuideInput input, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped s = Ids.scoped("itemId", input.itemId());
        requireActsFor(jwt, s.tenantCode());
        return catalog.publish(s.tenantCode(), s.id(), new Announcement(input.reason(), input.effectiveFrom()));
    }

    @MutationMapping
    public Mono<GuideViews.Announced> withdrawGuide(@Argument AnnounceGuideInput input, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped s = Ids.scoped("itemId", input.itemId());
        requireActsFor(jwt, s.tenantCode());
        return catalog.withdraw(s.tenantCode(), s.id(), new Announcement(input.reason(), input.effectiveFrom()));
    }

    /** The province's standard catalog: refused here for a caller of another province or of no province. */
    @MutationMapping
    public Mono<StandardItemAnnounced> addStandardItem(@Argument AddStandardItemInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (!caller.tenant().map(t -> t.equals(input.provinceCode())).orElse(false)) {
            throw ApiException.forbidden("只有本省（" + input.provinceCode() + "）的省级管理员可以变更标准目录");
        }
        return catalog.addStandardItem(input.provinceCode(), input.body());
    }

    /** The item names its province: tenant-service checks the caller against it. */
    @MutationMapping
    public Mono<StandardItemAnnounced> changeStandardItem(@Argument ChangeStandardItemInput input, @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        return catalog.changeStandardItem(Ids.uuid("id", input.id()), input.body());
    }

    // ------------------------------------------------------------------ helpers

    private static void requireActsFor(Jwt jwt, String tenantCode) {
        if (tenantCode == null || !Callers.require(jwt).actsFor(tenantCode)) {
            throw ApiException.forbidden("无权编辑其他租户（" + tenantCode + "）的办事指南");
        }
    }

    /** NOT_FOUND of a single-object read is a null result, as the schema says. */
    private static <T> Mono<T> orNull(Mono<T> m) {
        return m.onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND && "id".equals(a.field()),
                e -> Mono.empty());
    }
}
