package cn.zwy.tenant.catalog.guide;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GuideVersionRepository extends JpaRepository<GuideVersion, UUID> {

    @Query("select v from GuideVersion v where v.guideId = :guideId and v.status = cn.zwy.tenant.api.catalog.GuideStatus.DRAFT")
    Optional<GuideVersion> findDraft(UUID guideId);

    /** The latest announced (published or withdrawn) version, whatever its date. */
    @Query("""
            select v from GuideVersion v where v.guideId = :guideId and v.status <> cn.zwy.tenant.api.catalog.GuideStatus.DRAFT
            order by v.number desc limit 1""")
    Optional<GuideVersion> findLatestAnnounced(UUID guideId);

    /** The version in effect on a day: latest effective date not after it, the higher number on a tie. */
    @Query("""
            select v from GuideVersion v where v.guideId = :guideId and v.status <> cn.zwy.tenant.api.catalog.GuideStatus.DRAFT
              and v.effectiveFrom <= :day order by v.effectiveFrom desc, v.number desc limit 1""")
    Optional<GuideVersion> inEffect(UUID guideId, LocalDate day);

    /**
     * The next version to take effect after a day: the earliest effective date after it (on a tie
     * the higher number, as in {@link #inEffect}: the lower one never takes effect). Not the newest
     * announced version, which may come after another scheduled one (issue 6).
     */
    @Query("""
            select v from GuideVersion v where v.guideId = :guideId and v.status <> cn.zwy.tenant.api.catalog.GuideStatus.DRAFT
              and v.effectiveFrom > :day order by v.effectiveFrom asc, v.number desc limit 1""")
    Optional<GuideVersion> nextAfter(UUID guideId, LocalDate day);

    @Query("""
            select v from GuideVersion v where v.guideId = :guideId and v.status <> cn.zwy.tenant.api.catalog.GuideStatus.DRAFT
              and v.number < :before order by v.number desc""")
    List<GuideVersion> announcedBefore(UUID guideId, int before, Limit limit);

    /**
     * The versions that are or may yet be in force from a day on (S5 conflicts): the draft, the
     * announced ones after the day, and those of the latest effective date not after it.
     */
    @Query("""
            select v from GuideVersion v where v.guideId = :guideId and (v.status = cn.zwy.tenant.api.catalog.GuideStatus.DRAFT
              or v.effectiveFrom > :day or v.effectiveFrom = (select max(c.effectiveFrom) from GuideVersion c where c.guideId = v.guideId
                and c.status <> cn.zwy.tenant.api.catalog.GuideStatus.DRAFT and c.effectiveFrom <= :day))""")
    List<GuideVersion> liveVersions(UUID guideId, LocalDate day);

    /** {@link #liveVersions(UUID, LocalDate)} of every guide of the tenant. */
    @Query("""
            select v from GuideVersion v where v.status = cn.zwy.tenant.api.catalog.GuideStatus.DRAFT
              or v.effectiveFrom > :day or v.effectiveFrom = (select max(c.effectiveFrom) from GuideVersion c where c.guideId = v.guideId
                and c.status <> cn.zwy.tenant.api.catalog.GuideStatus.DRAFT and c.effectiveFrom <= :day)""")
    List<GuideVersion> liveVersions(LocalDate day);
}
