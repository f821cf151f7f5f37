package cn.zwy.tenant.api.catalog;

import java.time.LocalDate;

/** A publication or withdrawal (S6): why, and from when (null: the earliest allowed day). */
public record Announcement(String reason, LocalDate effectiveFrom) {}
