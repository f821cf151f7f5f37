package cn.zwy.cases.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * What booking tells a citizen about an appointment: the kind, the text (Chinese, with the booking code and
 * the time), to whom (the account), and the phone number sealed (M3) and masked when the booking gave one;
 * without one, the message is in-app only.
 */
public record AppointmentMessage(String tenantId, UUID appointmentId, String bookingCode, String citizenId, String phoneSealed,
                                 String phoneMasked, Kind kind, String body, Instant at) {

    public enum Kind {
        APPOINTMENT_BOOKED("预约成功"), APPOINTMENT_REMINDER("预约提醒"), APPOINTMENT_CANCELLED("预约已取消"),
        NO_SHOW("预约爽约记录"), BOOKING_BARRED("暂停预约通知");

        public final String title;

        Kind(String title) { this.title = title; }
    }
}
