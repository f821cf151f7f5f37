package cn.zwy.cases.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * What the centre's answer to a home visit or urgent handling request (A7) tells the citizen who asked: scheduled
 * (when, and who comes, with their work phone) or declined (why). In-app, about the request, and by SMS to the phone
 * the request gave, sealed (M3) and masked as a booking's; a scheduled one is reminded of the day and the hour before.
 */
public record SpecialServiceMessage(String tenantId, UUID requestId, String citizenId, String phoneSealed, String phoneMasked,
                                    Kind kind, String body, Instant at) {

    public enum Kind {
        SPECIAL_SERVICE_SCHEDULED("上门/急办已安排"), SPECIAL_SERVICE_REMINDER("上门/急办提醒"),
        SPECIAL_SERVICE_DECLINED("上门/急办不能安排");

        public final String title;

        Kind(String title) { this.title = title; }
    }
}
