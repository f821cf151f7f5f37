package cn.zwy.tenant.api.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * When a hall is next open, from a given instant (A4): {@code openNow} when that instant falls in
 * an opening period (then {@code opensAt} is the instant itself); otherwise the start of the next
 * period. {@code opensAt} and {@code closesAt} are null when the hall opens on no day of the
 * coming year. {@code note} is the reason of the hall's special day the period comes from, if any.
 */
public record HallOpening(UUID hallId, boolean openNow, Instant opensAt, Instant closesAt, String note) {}
