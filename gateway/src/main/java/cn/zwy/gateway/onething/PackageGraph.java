package cn.zwy.gateway.onething;

import cn.zwy.cases.api.PackageCaseApi;
import cn.zwy.cases.api.PackageCaseView;
import cn.zwy.cases.api.PackageReceipt;
import cn.zwy.cases.api.SubmitPackageRequest;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.catalog.GuidanceAnswers;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.tenant.api.catalog.LifeEvent;
import cn.zwy.tenant.api.catalog.PackageApi;
import cn.zwy.tenant.api.catalog.PackageInput;
import cn.zwy.tenant.api.catalog.PackageViews;
import cn.zwy.tenant.api.catalog.RegionPackageInput;
import cn.zwy.tenant.api.catalog.ReviewMode;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * "One thing" packages (G3): public reads of a tenant's packages by life event, the centre administrator's
 * definitions, and the citizen's one filing and its combined view. The services check every caller again;
 * this refuses a tenant the caller may not act for before calling them (ADR 0008).
 */
@Controller
public class PackageGraph {

    private final PackageApi packages;
    private final PackageCaseApi filings;

    public PackageGraph(PackageApi packages, PackageCaseApi filings) {
        this.packages = packages;
        this.filings = filings;
    }

    @QueryMapping
    public Mono<List<PackageViews.Package>> servicePackages(@Argument String tenantCode, @Argument LifeEvent lifeEvent) {
        return packages.packages(tenantCode, lifeEvent);
    }

    @QueryMapping
    public Mono<PackageViews.Package> servicePackage(@Argument String id) {
        Ids.Scoped s = Ids.scoped("id", id);
        return packages.servicePackage(s.tenantCode(), s.id()).onErrorResume(ApiException.class,
                e -> e.code() == ErrorCode.NOT_FOUND ? Mono.empty() : Mono.error(e));
    }

    /** G2 + G3: one guidance walk for a whole package (public, nothing stored). */
    @QueryMapping
    public Mono<PackageViews.GuidanceView> packageGuidance(@Argument String packageId, @Argument List<GuidanceAnswers.Answer> answers) {
        Ids.Scoped s = Ids.scoped("packageId", packageId);
        return packages.guidance(s.tenantCode(), s.id(), GuidanceAnswers.encode(answers));
    }

    @QueryMapping
    public Mono<PackageCaseView> packageCase(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        Ids.Scoped s = Ids.scoped("id", id);
        if (caller.realm() == cn.zwy.common.security.Realm.STAFF && !caller.mayRead(s.tenantCode())) {
            throw ApiException.forbidden("只能查看本中心的办件");
        }
        return filings.get(id);
    }

    /** The input of definePackage: the tenant in the path, the rest is tenant-api's body. */
    public record DefinePackageInput(String tenantCode, String id, String name, LifeEvent lifeEvent, String description,
                                     ReviewMode reviewMode, List<String> itemIds) {}

    public record DefinePackagePayload(PackageViews.Package servicePackage) {}

    @MutationMapping
    public Mono<DefinePackagePayload> definePackage(@Argument DefinePackageInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (!caller.isCentreAdminOf(input.tenantCode())) {
            throw ApiException.forbidden("只有本中心（" + input.tenantCode() + "）的管理员可以定义“一件事”套餐");
        }
        return packages.define(input.tenantCode(), new PackageInput(input.id(), input.name(), input.lifeEvent(), input.description(),
                input.reviewMode(), input.itemIds())).map(DefinePackagePayload::new);
    }

    /** The input of defineRegionPackage: the province's or city's code in the path, the rest is tenant-api's body. */
    public record DefineRegionPackageInput(String regionCode, String id, String name, LifeEvent lifeEvent, String description,
                                           ReviewMode reviewMode, List<String> standardItemIds) {}

    public record DefineRegionPackagePayload(PackageViews.RegionPackage regionPackage) {}

    /** ADR 0032: a province's or a city's administrator defines a package of standard items for its counties. */
    @MutationMapping
    public Mono<DefineRegionPackagePayload> defineRegionPackage(@Argument DefineRegionPackageInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        String region = input.regionCode();
        if (region == null || !region.matches("\\d{2}|\\d{4}") || caller.supervisedRegion().filter(region::startsWith).isEmpty()) {
            throw ApiException.forbidden("只有省级或市级管理员可以为本地区的县（市、区）定义“一件事”套餐");
        }
        return packages.defineRegion(region, new RegionPackageInput(input.id(), input.name(), input.lifeEvent(), input.description(),
                input.reviewMode(), input.standardItemIds())).map(DefineRegionPackagePayload::new);
    }

    public record AcceptPackageCaseInput(String packageCaseId, String window) {}

    public record AcceptPackageCasePayload(PackageCaseView packageCase) {}

    /** G3 / C10: the lead window accepts every waiting part of a package filing at once. */
    @MutationMapping
    public Mono<AcceptPackageCasePayload> acceptPackageCase(@Argument AcceptPackageCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        Ids.Scoped s = Ids.scoped("packageCaseId", input.packageCaseId());
        if (!caller.actsFor(s.tenantCode())) throw ApiException.forbidden("只能受理本中心的办件");
        return filings.accept(input.packageCaseId(), new PackageCaseApi.Acceptance(input.window())).map(AcceptPackageCasePayload::new);
    }

    public record SubmitPackagePayload(PackageReceipt receipt) {}

    @MutationMapping
    public Mono<SubmitPackagePayload> submitPackage(@Argument SubmitPackageRequest input, @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        Ids.scoped("packageId", input.packageId());
        return filings.submit(input).map(SubmitPackagePayload::new);
    }
}
