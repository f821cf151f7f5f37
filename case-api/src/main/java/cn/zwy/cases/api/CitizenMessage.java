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
 *                      APPOINTMENT_REMINDER, APPOINTMENT_CANCELLED, NO_SHOW, BOOKING_BARRED, REVIEW_REMINDER, REVIEW_REPLY,
 *                      COMPLAINT_*, SPECIAL_SERVICE_SCHEDULED, SPECIAL_SERVICE_REMINDER or SPECIAL_SERVICE_DECLINED
 * @param readAt        when the citizen marked it read; null while unread
 * @param appointmentId null for a message about a case
 * @param specialServiceId the home visit or urgent handling request (A7) a SPECIAL_SERVICE_* message is about; null for
 *                      any other message
 */
public record CitizenMessage(String id, String caseId, String caseNumber, String kind, String title, String body,
                             Instant createdAt, Instant readAt, String appointmentId, String bookingCode,
                             String specialServiceId) {}
