package cn.zwy.cases.filing;

import cn.zwy.cases.api.OneTimeNotice;
import cn.zwy.cases.messages.CaseMessage;
import cn.zwy.cases.messages.CitizenMessages;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What the applicant is told of their case's steps (ADR 0012): the text of the message and its SMS. */
@Component
class ApplicantNotices {

    private final CaseStore store;
    private final CitizenMessages messages;
    private final JsonMapper json;

    ApplicantNotices(CaseStore store, CitizenMessages messages, JsonMapper json) {
        this.store = store;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The applicant's in-app message and SMS for the steps they must hear of (C1 receipt, C2 one-time
     * notice, acceptance with the promised deadline, refusal, result — decided or deemed approved, C9 —
     * and delivery; a joint case's upper reply, C10), in the transaction of the change.
     */
    void tell(CaseRow c, String action, String note) {
        List<String> gathered = gathering.get();
        if (gathered != null && "ACCEPTED".equals(action)) {
            // C10: a package accepted at its lead window tells the applicant once, for every part (see acceptedTogether)
            gathered.add(c.itemName + "（" + c.caseNumber + "）：" + note);
            return;
        }
        CaseMessage.Kind kind = switch (action) {
            case "SUBMITTED" -> CaseMessage.Kind.RECEIPT;
            case "ONE_TIME_NOTICE" -> CaseMessage.Kind.ONE_TIME_NOTICE;
            case "ACCEPTED" -> CaseMessage.Kind.ACCEPTED;
            case "REJECTED" -> CaseMessage.Kind.REJECTED;
            case "COMPLETED", "DEEMED_APPROVED" -> CaseMessage.Kind.COMPLETED;
            case "DELIVERED" -> CaseMessage.Kind.DELIVERED;
            case "JOINT_UPPER_REPLY" -> CaseMessage.Kind.UPPER_REPLY;
            default -> null;
        };
        if (kind == null) return;
        String text = switch (kind) {
            case ONE_TIME_NOTICE -> noticeText(c);
            case COMPLETED -> "已办结：" + note + ("APPROVED".equals(c.result) ? "，请按选择的方式领取结果" : "");
            default -> note;
        };
        String body = "【政务服务】您的办件 " + c.caseNumber + "（" + c.itemName + "）：" + text + "。"
                + MESSAGE_TIME.format(c.updatedAt.atZone(Today.ZONE));
        messages.send(new CaseMessage(c.tenantId, c.id, c.caseNumber, c.citizenId, c.contactPhoneMasked, kind, body, c.updatedAt));
    }

    private final ThreadLocal<List<String>> gathering = new ThreadLocal<>();

    /**
     * C10 (一窗受理): runs {@code work} — the acceptance of a package's parts at one window, in one transaction — with
     * their acceptance notices gathered instead of sent, then tells the applicant once on {@code lead}, listing every
     * part with its own deadline. Other notices (an instant part completed on the spot) go out as usual.
     */
    void acceptedTogether(String packageName, String window, Runnable work, java.util.function.Supplier<CaseRow> lead) {
        List<String> gathered = new java.util.ArrayList<>();
        gathering.set(gathered);
        try {
            work.run();
        } finally {
            gathering.remove();
        }
        if (gathered.isEmpty()) return;
        StringBuilder b = new StringBuilder("“" + packageName + "”受理通知书：" + window + "一窗受理 " + gathered.size()
                + " 个事项，由各部门并联办理");
        for (int i = 0; i < gathered.size(); i++) b.append(i == 0 ? "：" : "；").append(i + 1).append(". ").append(gathered.get(i));
        tell(lead.get(), "ACCEPTED", b.toString());
    }

    private static final DateTimeFormatter MESSAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** C2: every item of the notice, so the applicant can fix everything at once. */
    private String noticeText(CaseRow c) {
        StringBuilder b = new StringBuilder("需补正材料（一次性告知书第 " + c.noticeRound + " 轮）：");
        store.latestNotice(c.tenantId, c.id).ifPresent(n -> {
            List<OneTimeNotice.Item> items = json.readValue(n.items(), new TypeReference<List<OneTimeNotice.Item>>() {});
            for (int i = 0; i < items.size(); i++) {
                OneTimeNotice.Item it = items.get(i);
                b.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(it.material())
                        .append("（").append("MISSING".equals(it.problem()) ? "缺少" : "不符合要求").append("）：").append(it.howToFix());
            }
        });
        return b.toString();
    }
}
