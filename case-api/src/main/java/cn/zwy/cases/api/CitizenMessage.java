package cn.zwy.cases.api;

import java.time.Instant;

/**
 * A message in the citizen's in-app list (收件回执, 一次性告知, 受理通知, 不予受理, 办结, 送达; about an
 * appointment: booked, reminders, cancelled, no-show, booking bar), written when the case or the appointment
 * changed and in the same transaction; the same text goes out by SMS.
 *
 * @param id            {@code <tenantCode>:<uuid>}, the case's (or appointment's) tenant
 * @param caseId        null for a message about an appointment (or about the review of a visit without a case)
 * @param kind          RECEIPT, ONE_TIME_NOTICE, ACCEPTED, REJECTED, COMPLETED, DELIVERED, APPOINTMENT_BOOKED,
 *                      APPOINTMENT_REMINDER, APPOINTMENT_CANCELLED, NO_SHOW, BOOKING_BARRED, REVIEW_REMINDER or REVIEW_REPLY
 * @param readAt        when the citizen marked it read; null while unread
 * @param appointmentId null for a message about a case
 */
public record CitizenMessage(String id, String caseId, String caseNumber, String kind, String title, String body,
                             Instant createdAt, Instant readAt, String appointmentId, String bookingCode) {}
