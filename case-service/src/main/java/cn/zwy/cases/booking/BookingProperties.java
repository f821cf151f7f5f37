package cn.zwy.cases.booking;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A tenant-wide default of the booking rules (zwy.booking.*), ADR 0014.
 *
 * @param slotMinutes       length of a slot
 * @param perWindowPerSlot  citizens one window serves in one slot (throughput)
 * @param category          the business category (A5) of the windows that serve bookings ("Y" 预约办理 in the demo);
 *                          a hall with none of them books against its comprehensive windows (T4), a hall with no
 *                          windows known against {@code defaultWindows}
 * @param defaultWindows    windows assumed for a hall of which no window is known
 * @param horizonDays       how many days ahead a slot may be booked
 * @param cancelBefore      a booking can be cancelled or moved until this long before its slot
 * @param noShowAfter       A2: arriving later than this after the slot's start (not checked in) is a no-show
 * @param noShowLimit       A2: this many no-shows within {@code noShowPeriod} bar booking
 * @param noShowPeriod      A2: the period the no-shows are counted in
 * @param barDuration       A2: how long the bar lasts
 * @param releaseTime       a day becomes bookable at this time of day, {@code horizonDays} before it (放号时间; 00:00 by
 *                          default, i.e. the day that enters the horizon at midnight)
 * @param maxActivePerPerson fairness: a person's bookings still to come at one tenant (the account's own, or a person
 *                          booked for under 帮办, whichever account booked them)
 * @param maxActiveForOthers fairness: bookings still to come that one account holds for other persons (帮办) at one
 *                          tenant
 * @param maxCancellationsPerMonth fairness: an account's cancellations at one tenant in a calendar month; the last one
 *                          allowed bars booking there until the month ends (warned one before)
 */
@ConfigurationProperties("zwy.booking")
record BookingProperties(Integer slotMinutes, Integer perWindowPerSlot, String category, Integer defaultWindows,
                         Integer horizonDays, Duration cancelBefore, Duration noShowAfter, Integer noShowLimit,
                         Duration noShowPeriod, Duration barDuration, LocalTime releaseTime, Integer maxActivePerPerson,
                         Integer maxActiveForOthers, Integer maxCancellationsPerMonth) {

    BookingProperties {
        if (slotMinutes == null) slotMinutes = 30;
        if (perWindowPerSlot == null) perWindowPerSlot = 2;
        if (category == null || category.isBlank()) category = "Y";
        if (defaultWindows == null) defaultWindows = 1;
        if (horizonDays == null) horizonDays = 30;
        if (cancelBefore == null) cancelBefore = Duration.ofHours(1);
        if (noShowAfter == null) noShowAfter = Duration.ofMinutes(30);
        if (noShowLimit == null) noShowLimit = 3;
        if (noShowPeriod == null) noShowPeriod = Duration.ofDays(180);
        if (barDuration == null) barDuration = Duration.ofDays(90);
        if (releaseTime == null) releaseTime = LocalTime.MIDNIGHT;
        if (maxActivePerPerson == null) maxActivePerPerson = 3;
        if (maxActiveForOthers == null) maxActiveForOthers = 5;
        if (maxCancellationsPerMonth == null) maxCancellationsPerMonth = 5;
        if (slotMinutes < 5 || slotMinutes > 240 || 1440 % slotMinutes != 0) {
            throw new IllegalArgumentException("zwy.booking.slot-minutes must divide a day and be between 5 and 240");
        }
        if (perWindowPerSlot < 1 || defaultWindows < 1 || horizonDays < 1 || noShowLimit < 1) {
            throw new IllegalArgumentException("zwy.booking: per-window-per-slot, default-windows, horizon-days and no-show-limit must be positive");
        }
        if (maxActivePerPerson < 1 || maxActiveForOthers < 0 || maxCancellationsPerMonth < 1) {
            throw new IllegalArgumentException("zwy.booking: max-active-per-person and max-cancellations-per-month must be positive, max-active-for-others not negative");
        }
    }
}
