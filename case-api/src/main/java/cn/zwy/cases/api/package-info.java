/**
 * The typed contract of case-service (办件): the records its REST API takes and answers with, and
 * {@link cn.zwy.cases.api.CaseApi}, the {@code @HttpExchange} interface the gateway calls it
 * through. case-service's controllers use the same records, so the two cannot drift apart.
 * Case ids are {@code <tenant code>:<uuid>}; dates are the tenant's calendar days (Asia/Shanghai).
 */
package cn.zwy.cases.api;
