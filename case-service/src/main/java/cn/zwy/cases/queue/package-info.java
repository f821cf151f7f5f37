/**
 * The hall queue (排队叫号, A5, A3, A6, T6; ADR 0017): tickets per hall, business category and day, taken at a kiosk
 * or made when a booking is checked in (booking's {@link cn.zwy.cases.booking.AppointmentCheckedIn}); windows call
 * the next ticket they serve in priority order (bookings due now, green channel, walk-ins) with
 * {@code FOR UPDATE SKIP LOCKED}, so two windows never call one ticket; recall, transfer (number and priority kept),
 * a missed call ends the ticket, finishing links the case and opens its review (event {@code queue.ticket.finished},
 * V2) and logs service past closing time (延时, A3). The calling screen and a ticket's position are pushed live
 * (NOTIFY → server-sent events, as ADR 0012). Visitor flow per half hour (A6). Halls and windows come from
 * booking's public {@link cn.zwy.cases.booking.BookingHalls}; nothing depends on this module.
 */
package cn.zwy.cases.queue;
