/**
 * Appointments (预约, A1–A3, ADR 0014): slots derived from each hall's opening hours, breaks, special days and
 * the working calendar, with a capacity from the windows that serve bookings; booking, moving and cancelling
 * without ever overbooking (a conditional update of a per-slot counter row in PostgreSQL); the no-show rule
 * and its bar (A2) and the reminders, on the service's one persistent scheduler. Halls, special days and
 * windows come from tenant-service's events into local read models ({@link cn.zwy.cases.booking.HallReadModel});
 * the calendar and the offered items from filing's public read models; messages through {@code messages}.
 */
package cn.zwy.cases.booking;
