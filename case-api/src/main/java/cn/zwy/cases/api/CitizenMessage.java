package cn.zwy.cases.api;

import java.time.Instant;

/**
 * A message in the citizen's in-app list (收件回执, 一次性告知, 受理通知, 不予受理, 办结, 送达), written
 * when the case changed and in the same transaction; the same text goes out by SMS.
 *
 * @param id        {@code <tenantCode>:<uuid>}, the case's tenant
 * @param kind      RECEIPT, ONE_TIME_NOTICE, ACCEPTED, REJECTED, COMPLETED or DELIVERED
 * @param readAt    when the citizen marked it read; null while unread
 */
public record CitizenMessage(String id, String caseId, String caseNumber, String kind, String title, String body,
                             Instant createdAt, Instant readAt) {}
