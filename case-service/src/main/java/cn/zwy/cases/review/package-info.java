/**
 * Reviews (好差评, V1–V9; ADR 0020): one review per completed case (一事一评) and per finished visit of the hall queue
 * (一次一评), opened from the event path ({@code case.completed}, {@code case.deemed_approved},
 * {@code queue.ticket.finished}) and reviewed only by the citizen of the case or visit, once; the reminder after 24 h
 * and the end of the 5-working-day review period on the service's one persistent scheduler (V4); bad reviews need a
 * reason (V5) and go through the rectification loop with a deadline per step (V6); the reviewer is hidden from the
 * staff reviewed (V9); the indicators roll up per staff member, window, department, business line and region
 * (V7, V8). Uses filing's public {@link cn.zwy.cases.filing.CaseFacts} and
 * {@link cn.zwy.cases.filing.FilingReadModels}, and {@code messages}; nothing depends on this module.
 */
package cn.zwy.cases.review;
