package cn.zwy.search.guide;

import cn.zwy.common.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Date;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection's own rows in search-service's database (V3, V5, V7): versions waiting for their effective
 * date, suspended tenants, the tenants seen, packages, the payloads the documents were made from and the
 * standard items' versions. Platform data: no tenant is bound.
 */
@Component
class GuideStore {

    /** How long an instance keeps its list of suspended tenants before reading it again. */
    private static final Duration HIDDEN_TTL = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private volatile Set<String> hidden;
    private volatile Instant hiddenReadAt = Instant.EPOCH;

    GuideStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record Pending(String versionId, String itemId, int number, LocalDate effectiveFrom, String payload) {}

    /** Keeps a version for its effective date; a repeated one changes nothing. */
    void addPending(String versionId, String itemId, String tenant, int number, LocalDate effectiveFrom, String payload) {
        run(() -> jdbc.update("""
                insert into guide_pending_version (version_id, item_id, tenant_id, number, effective_from, payload)
                values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, version_id) do nothing""",
                versionId, itemId, tenant, number, Date.valueOf(effectiveFrom), payload));
    }

    Optional<Pending> pending(String versionId) {
        return call(() -> jdbc.query("select version_id, item_id, number, effective_from, payload from guide_pending_version where version_id = ?",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate(), rs.getString(5)),
                versionId).stream().findFirst());
    }

    /** Once in the index: this version and any older one of the item wait no longer. */
    void applied(String itemId, int number) {
        run(() -> jdbc.update("delete from guide_pending_version where item_id = ? and number <= ?", itemId, number));
    }

    /** Versions whose day has come (a timer that was lost or late catches up through these). */
    List<Pending> due(LocalDate today) {
        return call(() -> jdbc.query("""
                select version_id, item_id, number, effective_from, payload from guide_pending_version
                where effective_from <= ? order by item_id, number""",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDate(4).toLocalDate(), rs.getString(5)),
                Date.valueOf(today)));
    }

    /**
     * G3: keeps the newest payload of a package; false when an older or the same version arrives late. The same version
     * offered again after a withdrawal (ADR 0035) is kept and offered again.
     */
    boolean savePackage(String packageId, String tenant, int version, String payload) {
        return call(() -> jdbc.update("""
                insert into package_projection (package_id, tenant_id, version, payload) values (?, ?, ?, ?)
                on conflict (tenant_id, package_id) do update set version = excluded.version, payload = excluded.payload,
                    withdrawn = false, received_at = now()
                where package_projection.version < excluded.version
                   or package_projection.version = excluded.version and package_projection.withdrawn""", packageId, tenant, version, payload) > 0);
    }

    /**
     * ADR 0035: the tenant no longer offers the package (up to {@code version}); the payload it was offered with, or empty
     * when it was not offered (unknown, withdrawn already, or a newer version offered since).
     */
    Optional<String> withdrawPackage(String packageId, String tenant, int version) {
        return call(() -> jdbc.queryForList("""
                update package_projection set withdrawn = true, received_at = now()
                where tenant_id = ? and package_id = ? and version <= ? and not withdrawn returning payload""",
                String.class, tenant, packageId, version).stream().findFirst());
    }

    /** G3: every package's newest payload and whether it is withdrawn, for a rebuild. */
    List<KeptPackage> packages() {
        return call(() -> jdbc.query("select payload, withdrawn from package_projection order by package_id",
                (rs, i) -> new KeptPackage(rs.getString(1), rs.getBoolean(2))));
    }

    record KeptPackage(String payload, boolean withdrawn) {}

    /** The payload a document of the item was made from; an older version arriving late changes nothing. */
    void source(String itemId, String tenant, UUID standardItemId, int number, String payload) {
        sources(List.of(new Source(itemId, tenant, standardItemId, number, payload)));
    }

    record Source(String itemId, String tenant, UUID standardItemId, int number, String payload) {}

    /** Many at once (a rebuild's page, a benchmark's batch). */
    void sources(List<Source> rows) {
        if (rows.isEmpty()) return;
        run(() -> jdbc.batchUpdate("""
                insert into guide_source (item_id, tenant_id, standard_item_id, number, payload) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, item_id) do update set standard_item_id = excluded.standard_item_id, number = excluded.number,
                    payload = excluded.payload, applied_at = now()
                where guide_source.number <= excluded.number""", rows, 500, (ps, r) -> {
            ps.setString(1, r.itemId());
            ps.setString(2, r.tenant());
            ps.setObject(3, r.standardItemId());
            ps.setInt(4, r.number());
            ps.setString(5, r.payload());
        }));
    }

    /** The payloads of the indexed guides of items adopting the standard item. */
    List<String> sourcesOf(UUID standardItemId) {
        return call(() -> jdbc.queryForList("select payload from guide_source where standard_item_id = ? order by item_id",
                String.class, standardItemId));
    }

    record StandardVersion(UUID versionId, UUID standardItemId, int number, LocalDate effectiveFrom, String payload) {}

    /** Keeps an announced standard version; a repeated one changes nothing. */
    void addStandard(StandardVersion v) {
        run(() -> jdbc.update("""
                insert into standard_version (version_id, standard_item_id, number, effective_from, payload)
                values (?, ?, ?, ?, ?) on conflict (version_id) do nothing""",
                v.versionId(), v.standardItemId(), v.number(), Date.valueOf(v.effectiveFrom()), v.payload()));
    }

    Optional<StandardVersion> standardVersion(UUID versionId) {
        return call(() -> jdbc.query("""
                select version_id, standard_item_id, number, effective_from, payload from standard_version where version_id = ?""",
                (rs, i) -> new StandardVersion(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5)), versionId).stream().findFirst());
    }

    /** Of each standard item, the newest version in effect on the day, as far as the stream has told. */
    Map<UUID, StandardVersion> standardsInEffect(Collection<UUID> standardItemIds, LocalDate day) {
        if (standardItemIds.isEmpty()) return java.util.Map.of();
        Map<UUID, StandardVersion> out = new HashMap<>();
        run(() -> jdbc.query("""
                select distinct on (standard_item_id) version_id, standard_item_id, number, effective_from, payload from standard_version
                where standard_item_id = any (?) and effective_from <= ? order by standard_item_id, number desc""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("uuid", standardItemIds.toArray()));
                    ps.setDate(2, Date.valueOf(day));
                },
                (java.sql.ResultSet rs) -> {
                    out.put(rs.getObject(2, UUID.class), new StandardVersion(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getInt(3), rs.getDate(4).toLocalDate(), rs.getString(5)));
                }));
        return out;
    }

    void seen(String tenant) {
        run(() -> jdbc.update("insert into guide_tenant (tenant_id) values (?) on conflict do nothing", tenant));
    }

    List<String> tenants() {
        return call(() -> jdbc.queryForList("select tenant_id from guide_tenant order by tenant_id", String.class));
    }

    void hide(String tenant, String reason) {
        run(() -> jdbc.update("insert into guide_hidden_tenant (tenant_id, reason) values (?, ?) on conflict (tenant_id) do nothing",
                tenant, reason == null ? null : reason.substring(0, Math.min(reason.length(), 500))));
        hiddenReadAt = Instant.EPOCH;
    }

    void show(String tenant) {
        run(() -> jdbc.update("delete from guide_hidden_tenant where tenant_id = ?", tenant));
        hiddenReadAt = Instant.EPOCH;
    }

    /** Suspended tenants, read again every {@link #HIDDEN_TTL} (another instance may have handled the event). */
    Set<String> hidden() {
        Instant now = Instant.now();
        if (hidden == null || hiddenReadAt.plus(HIDDEN_TTL).isBefore(now)) {
            hidden = Set.copyOf(call(() -> jdbc.queryForList("select tenant_id from guide_hidden_tenant", String.class)));
            hiddenReadAt = now;
        }
        return hidden;
    }

    private void run(Runnable r) {
        TenantContext.platform(() -> tx.execute(s -> { r.run(); return null; }));
    }

    private <T> T call(java.util.function.Supplier<T> s) {
        return TenantContext.platform(() -> tx.execute(st -> s.get()));
    }
}
