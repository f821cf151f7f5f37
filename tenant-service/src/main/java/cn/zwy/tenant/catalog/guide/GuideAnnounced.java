package cn.zwy.tenant.catalog.guide;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A guide version of the tenant was announced (published or withdrawn, S6), told inside the announcing transaction
 * to whoever in tenant-service derives something from what the tenant offers (ADR 0035: the "one thing" packages).
 * The version takes effect on {@code effectiveFrom}, usually a later day.
 */
public record GuideAnnounced(String tenantCode, UUID guideId, UUID versionId, UUID standardItemId, LocalDate effectiveFrom) {}
