package cn.zwy.cases.filing;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.PackageGuidance;
import cn.zwy.tenant.api.catalog.Questionnaire;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * G1 (智能导办): what a guided citizen comes for, from the local guide read model — the item's guide in effect today, its
 * questionnaire walked with the answers given (G2, as {@code submitCase} walks them), the outcome's sub-item, materials
 * and channel, and the hall queue's business category serving the item. The queue takes a ticket with it, so the window
 * that calls the ticket sees what the guide found and asks nothing twice. Inside a transaction bound to the item's tenant.
 *
 * <p>G3 (一窗受理, ADR 0037): the same for a whole "one thing" package — its one walk again ({@link PackageWalks}, as the
 * package's submission walks it), each applying part's outcome, the parts that do not apply with why, and the materials
 * of all parts each once — for one ticket at the hall's comprehensive windows.
 */
@Component
public class GuidedVisits {

    /** An answered question of the walk. */
    public record Step(String questionId, String question, String value, String label) {}

    /**
     * What the guidance found. {@code queueCategory}: null when the guide states none; {@code channel}: the outcome's
     * (WINDOW for an item without questionnaire); {@code outcome}/{@code subItem}: null without questionnaire;
     * {@code materials}: the outcome's, else every material of the guide.
     */
    public record Visit(String itemId, String itemName, String versionId, String queueCategory, Questionnaire.Channel channel,
                        String outcome, String subItem, List<String> materials, List<Step> answers) {}

    public record Answer(String questionId, String value) {}

    /** An applying part of a package visit: {@code outcome}/{@code subItem} null without questionnaire. */
    public record Part(String itemId, String itemName, Questionnaire.Channel channel, String outcome, String subItem, List<String> materials) {}

    /** A part that does not apply in the citizen's situation, and why (G2). */
    public record Skipped(String itemId, String itemName, String reason) {}

    /**
     * What a package's guidance found (G3): the applying parts in the package's order, the skipped ones, the materials of
     * all applying parts each once (in the parts' order), and the package walk's answered steps (under their keys).
     */
    public record PackageVisit(String packageId, String packageName, List<Part> parts, List<Skipped> skipped, List<String> materials,
                               List<Step> answers) {}

    private final GuideVersions guides;
    private final PackageWalks walks;
    private final JdbcTemplate jdbc;

    GuidedVisits(GuideVersions guides, PackageWalks walks, JdbcTemplate jdbc) {
        this.guides = guides;
        this.walks = walks;
        this.jdbc = jdbc;
    }

    /**
     * The visit for the tenant's package and the package walk's answers (G3). NOT_FOUND (packageId) for a package of another
     * tenant or not offered; VALIDATION (packageAnswers…, G2) for an answer outside its question's options; RULE_VIOLATION
     * (packageAnswers, G2) while questions remain or when no part applies.
     */
    public PackageVisit resolvePackage(String tenant, String packageId, List<Answer> answers) {
        int colon = packageId == null ? -1 : packageId.indexOf(':');
        if (colon < 0 || !packageId.substring(0, colon).equals(tenant)) {
            throw ApiException.notFound("packageId", "本中心（" + tenant + "）没有这个“一件事”套餐: " + packageId);
        }
        PackageReadModel.Package p = walks.find(packageId);
        List<GuideVersion> versions = walks.versions(p);
        PackageGuidance.Result r = PackageWalks.complete(p, versions, answers == null ? List.of()
                : answers.stream().map(a -> a == null ? null : new Guidance.Answer(a.questionId(), a.value())).toList());
        List<Part> parts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> materials = new LinkedHashSet<>();
        for (int i = 0; i < versions.size(); i++) {
            GuideVersion g = versions.get(i);
            PackageGuidance.PartResult own = r.parts().get(i);
            PackageReadModel.Item item = p.items().get(i);
            if (!own.applies()) {
                skipped.add(new Skipped(item.itemId(), item.name(), own.result().outcome().skipReason()));
                continue;
            }
            List<String> needed;
            if (own.result() == null) {
                needed = g.materials().stream().map(GuideVersion.Material::name).toList();
                parts.add(new Part(item.itemId(), item.name(), Questionnaire.Channel.WINDOW, null, null, needed));
            } else {
                Questionnaire.Outcome o = own.result().outcome();
                needed = o.materials() == null ? List.of() : List.copyOf(o.materials());
                parts.add(new Part(item.itemId(), item.name(), o.channel() == null ? Questionnaire.Channel.WINDOW : o.channel(), o.title(),
                        o.subItem(), needed));
            }
            materials.addAll(needed);
        }
        if (parts.isEmpty()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "按办事群众的情形，“" + p.name() + "”中没有需要办理的事项", "packageAnswers", "G2");
        }
        return new PackageVisit(p.id(), p.name(), List.copyOf(parts), List.copyOf(skipped), List.copyOf(materials),
                r.answered().stream().map(s -> new Step(s.key(), s.question(), s.value(), s.label())).toList());
    }

    /**
     * The visit for the tenant's item and the answers given. NOT_FOUND (itemId) for an item of another tenant or without
     * a guide offered today; VALIDATION (guidanceAnswers…, G2) for answers to an item without questionnaire or outside a
     * question's options; RULE_VIOLATION (guidanceAnswers, G2) while questions remain or when the item does not apply.
     */
    public Visit resolve(String tenant, String itemId, List<Answer> answers) {
        int colon = itemId == null ? -1 : itemId.indexOf(':');
        if (colon < 0 || !itemId.substring(0, colon).equals(tenant)) {
            throw ApiException.notFound("itemId", "本中心（" + tenant + "）没有这个事项: " + itemId);
        }
        GuideVersion g = guides.inEffect(itemId, Today.date()).filter(GuideVersion::offered)
                .orElseThrow(() -> ApiException.notFound("itemId", "未找到该事项今日在办的办事指南: " + itemId));
        String category = jdbc.queryForList("select queue_category from guide_version_model where version_id = ?", String.class,
                g.versionId()).stream().filter(c -> c != null).findFirst().orElse(null);
        boolean answered = answers != null && !answers.isEmpty();
        if (g.questionnaire() == null) {
            if (answered) throw new ApiException(ErrorCode.VALIDATION, "该事项没有情形引导问卷，无需提交问卷回答", "guidanceAnswers", "G2");
            return new Visit(g.itemId(), g.name(), g.versionId(), category, Questionnaire.Channel.WINDOW, null, null,
                    g.materials().stream().map(GuideVersion.Material::name).toList(), List.of());
        }
        Guidance.Result r;
        try {
            r = Guidance.evaluate(g.questionnaire(), answered
                    ? answers.stream().map(a -> a == null ? null : new Guidance.Answer(a.questionId(), a.value())).toList() : List.of());
        } catch (ApiException e) {
            throw new ApiException(e.code(), e.getMessage(), e.field() == null ? "guidanceAnswers"
                    : "guidance" + Character.toUpperCase(e.field().charAt(0)) + e.field().substring(1), "G2");
        }
        if (!r.complete()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "情形引导尚未答完，还需回答：" + r.next().text(), "guidanceAnswers", "G2");
        }
        Questionnaire.Outcome o = r.outcome();
        if (o.notApplicable()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "按办事群众的情形无需办理本事项：" + o.skipReason(), "guidanceAnswers", "G2");
        }
        return new Visit(g.itemId(), g.name(), g.versionId(), category, o.channel() == null ? Questionnaire.Channel.WINDOW : o.channel(),
                o.title(), o.subItem(), o.materials() == null ? List.of() : List.copyOf(o.materials()),
                r.answered().stream().map(s -> new Step(s.questionId(), s.question(), s.value(), s.label())).toList());
    }
}
