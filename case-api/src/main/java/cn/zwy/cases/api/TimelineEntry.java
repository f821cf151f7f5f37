package cn.zwy.cases.api;

import java.time.Instant;

/**
 * A step of the case as recorded (C16): what, when, who (a staff member by name only), from which
 * window and where ({@code place}: the tenant whose hall took it, e.g. the receiving hall of C12).
 */
public record TimelineEntry(long seq, Instant at, String action, String actionLabel, String actor, String window,
                            CaseStatus status, String note, String place) {}
