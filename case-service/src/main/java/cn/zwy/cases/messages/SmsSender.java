package cn.zwy.cases.messages;

/**
 * The SMS port: one text to one mobile number. A gateway of an operator (or the province's SMS platform)
 * implements it as a bean of its own; without one, {@link LoggingSmsSender} writes the masked number and
 * the text to the log. A sender that throws is retried later (the outbox row stays unsent).
 */
public interface SmsSender {

    /** @param phone the full number, opened for this call only: never log it; {@code maskedPhone} is for logs */
    record Sms(String phone, String maskedPhone, String text) {}

    /** Recorded with the sent row (sms_outbox.sender). */
    String name();

    void send(Sms sms);
}
