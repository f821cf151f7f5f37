/**
 * The applicant's messages (ADR 0012): the in-app list a citizen reads ({@link cn.zwy.cases.messages.CitizenMessages})
 * and the SMS port behind it ({@link cn.zwy.cases.messages.SmsSender}, a logging sender by default), fed by
 * filing in the transaction of a case change and by booking in the transaction of an appointment's change (ADR 0014).
 * Knows nothing of either: it is handed a {@link cn.zwy.cases.messages.CaseMessage} or an
 * {@link cn.zwy.cases.messages.AppointmentMessage}.
 */
package cn.zwy.cases.messages;
