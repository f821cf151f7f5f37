package cn.zwy.cases.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * What reviews tell a citizen (V4, V6): the reminder to review a completed service, the reply to a bad review. About a
 * case when the service has one (the SMS goes to the case's contact phone, sealed on the case, M3); else about the
 * review's opening, in-app only (no phone is known for a visit without a case).
 */
public record ReviewMessage(String tenantId, String citizenId, UUID caseId, String caseNumber, String phoneMasked, UUID openingId,
                            Kind kind, String body, Instant at) {

    public enum Kind {
        REVIEW_REMINDER("评价提醒"), REVIEW_REPLY("差评回复");

        public final String title;

        Kind(String title) { this.title = title; }
    }
}
