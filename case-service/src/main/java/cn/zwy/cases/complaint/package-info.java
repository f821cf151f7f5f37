/**
 * Complaints (投诉, P1–P5; ADR 0023): filed by the complainant from their account, recorded by the tenant's staff for a
 * complaint received on site, by phone, letter or email, or imported from the 12345 hotline (idempotent on its ticket);
 * accepted or refused within 3 working days (P2), handled in 3/10 working days by complexity and up to 30 with a
 * written delay notice (P3), the result answered satisfied or not and a review asked within 15 working days (P4);
 * verified complaints counted per staff member and window per year (P5). The complainant is hidden from the staff
 * complained about when they ask (P1, as V9 for reviewers). Deadlines are working days on the tenant's calendar
 * ({@link cn.zwy.cases.filing.FilingReadModels}) with timers on the service's one persistent scheduler; windows and
 * their holders come from {@link cn.zwy.cases.booking.BookingHalls}; messages through {@code messages}. Every step is
 * an event on the one outbox ({@code complaint.*}). Nothing depends on this module.
 */
package cn.zwy.cases.complaint;
