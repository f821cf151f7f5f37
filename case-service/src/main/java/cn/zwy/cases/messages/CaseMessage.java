package cn.zwy.cases.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * What filing tells the applicant about a change of their case: the kind, a title and the text (Chinese,
 * with the case number and the time), to whom (the account; the SMS goes to the case's
 * contact phone, sealed on the case and masked here, M3).
 */
public record CaseMessage(String tenantId, UUID caseId, String caseNumber, String citizenId, String phoneMasked, Kind kind, String body, Instant at) {

    public enum Kind {
        RECEIPT("收件回执"), ONE_TIME_NOTICE("一次性告知书"), ACCEPTED("受理通知"), REJECTED("不予受理决定"),
        COMPLETED("办结通知"), DELIVERED("送达通知"), UPPER_REPLY("上级批复通知");

        public final String title;

        Kind(String title) { this.title = title; }
    }
}
