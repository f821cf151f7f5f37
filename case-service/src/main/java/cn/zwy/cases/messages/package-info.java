/**
 * The applicant's messages (ADR 0012): the in-app list a citizen reads ({@link cn.zwy.cases.messages.CitizenMessages})
 * and the SMS port behind it ({@link cn.zwy.cases.messages.SmsSender}, a logging sender by default), fed by
 * filing in the transaction of a case change and by booking in the transaction of an appointment's change (ADR 0014),
 * by reviews (ADR 0020) and complaints (ADR 0023) in theirs. Knows nothing of them: it is handed a
 * {@link cn.zwy.cases.messages.CaseMessage}, an {@link cn.zwy.cases.messages.AppointmentMessage}, a
 * {@link cn.zwy.cases.messages.ReviewMessage}, a {@link cn.zwy.cases.messages.ComplaintMessage} or a
 * {@link cn.zwy.cases.messages.SpecialServiceMessage}.
 */
package cn.zwy.cases.messages;
