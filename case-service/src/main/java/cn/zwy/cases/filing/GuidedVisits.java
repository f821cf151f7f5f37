package cn.zwy.cases.filing;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.Questionnaire;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * G1 (智能导办): what a guided citizen comes for, from the local guide read model — the item's guide in effect today, its
 * questionnaire walked with the answers given (G2, as {@code submitCase} walks them), the outcome's sub-item, materials
 * and channel, and the hall queue's business category serving the item. The queue takes a ticket with it, so the window
 * that calls the ticket sees what the guide found and asks nothing twice. Inside a transaction bound to the item's tenant.
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

    private final GuideVersions guides;
    private final JdbcTemplate jdbc;

    GuidedVisits(GuideVersions guides, JdbcTemplate jdbc) {
        this.guides = guides;
        this.jdbc = jdbc;
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
