package cn.zwy.cases.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * What complaints tell a complainant who has an account (P2 acceptance or refusal, P3 the written delay notice, P4 the
 * result): in-app, about the complaint. A complainant without an account (phone, letter, the 12345 hotline) is told by
 * the channel they came through; the text is kept on the complaint either way.
 */
public record ComplaintMessage(String tenantId, String citizenId, UUID complaintId, Kind kind, String body, Instant at) {

    public enum Kind {
        COMPLAINT_ACCEPTED("投诉已受理"), COMPLAINT_REFUSED("投诉不予受理告知"), COMPLAINT_DELAYED("投诉办理延期告知"),
        COMPLAINT_RESULT("投诉处理结果");

        public final String title;

        Kind(String title) { this.title = title; }
    }
}
