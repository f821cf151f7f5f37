package cn.zwy.cases.filing;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.PackageGuidance;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * G2 + G3: a "one thing" package's one guidance walk, walked again by case-service on its own read models — the package
 * as last announced and each item's guide in effect today — for whatever takes the package's answers: the one submission
 * ({@link PackageFiling}, ADR 0028) and the one ticket at the hall's comprehensive windows ({@link GuidedVisits}, ADR
 * 0037). Both refuse an incomplete walk the same way. Inside a transaction bound to the package's tenant.
 */
@Component
class PackageWalks {

    private final PackageReadModel packages;
    private final GuideVersions guides;

    PackageWalks(PackageReadModel packages, GuideVersions guides) {
        this.packages = packages;
        this.guides = guides;
    }

    /** The package as last announced; NOT_FOUND (packageId) for an unknown one and for one the tenant no longer offers. */
    PackageReadModel.Package find(String packageId) {
        PackageReadModel.Package p = packages.newest(packageId)
                .orElseThrow(() -> ApiException.notFound("packageId", "未找到“一件事”套餐: " + packageId));
        if (p.withdrawn()) {
            // ADR 0035: the tenant no longer offers it (one of its items withdrawn there), as its catalog no longer lists it
            throw ApiException.notFound("packageId", "“一件事”套餐“" + p.name() + "”本中心今天不再办理（套餐中有事项已停止办理）: " + packageId);
        }
        return p;
    }

    /** Each item's guide version in effect today, in the package's order; NOT_FOUND (packageId) when an item has none. */
    List<GuideVersion> versions(PackageReadModel.Package p) {
        List<GuideVersion> versions = new ArrayList<>();
        for (PackageReadModel.Item item : p.items()) {
            versions.add(guides.inEffect(item.itemId(), Today.date())
                    .orElseThrow(() -> ApiException.notFound("packageId", "套餐中的事项“" + item.name() + "”今天没有在办的办事指南")));
        }
        return versions;
    }

    /**
     * The package's walk with the answers given, on these versions, which must be complete: VALIDATION (packageAnswers[i]…,
     * G2) for a key answered twice or an answer outside its question's options; RULE_VIOLATION (packageAnswers, G2) naming
     * the next question while questions remain.
     */
    static PackageGuidance.Result complete(PackageReadModel.Package p, List<GuideVersion> versions, List<Guidance.Answer> answers) {
        List<PackageGuidance.Part> parts = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            parts.add(new PackageGuidance.Part(p.items().get(i).itemId(), p.items().get(i).name(), versions.get(i).questionnaire()));
        }
        PackageGuidance.Result r;
        try {
            r = PackageGuidance.evaluate(parts, answers);
        } catch (ApiException e) {
            throw new ApiException(e.code(), e.getMessage(), e.field() == null ? "packageAnswers" : "package" + Character.toUpperCase(e.field().charAt(0))
                    + e.field().substring(1), "G2");
        }
        if (!r.complete()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "情形引导尚未答完，还需回答：" + r.next().question().text(), "packageAnswers", "G2");
        }
        return r;
    }
}
