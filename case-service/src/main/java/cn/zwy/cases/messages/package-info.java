/**
 * The applicant's messages (ADR 0012): the in-app list a citizen reads ({@link cn.zwy.cases.messages.CitizenMessages})
 * and the SMS port behind it ({@link cn.zwy.cases.messages.SmsSender}, a logging sender by default), fed by
 * filing in the transaction of a case change. Knows nothing of filing: it is handed a {@link cn.zwy.cases.messages.CaseMessage}.
 */
package cn.zwy.cases.messages;
