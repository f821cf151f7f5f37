package cn.zwy.cases.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen with a booking has arrived at the hall (checkInAppointment): published inside the check-in's
 * transaction, so a listener's work (the queue's ticket, A5) commits or rolls back with the check-in itself.
 *
 * @param category the business category bookings are served under ({@code zwy.booking.category}, "Y" in the demo)
 */
public record AppointmentCheckedIn(String tenantId, UUID appointmentId, UUID hallId, String bookingCode, Instant startsAt,
                                   String citizenId, String category) {}
