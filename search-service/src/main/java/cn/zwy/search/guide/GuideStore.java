package cn.zwy.search.guide;

import cn.zwy.common.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projection's own rows in search-service's database (V3): versions waiting for their effective
 * date, suspended tenants and the tenants seen. Platform data: no tenant is bound.
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

    /** G3: keeps the newest payload of a package; false when an older or the same version arrives late. */
    boolean savePackage(String packageId, String tenant, int version, String payload) {
        return call(() -> jdbc.update("""
                insert into package_projection (package_id, tenant_id, version, payload) values (?, ?, ?, ?)
                on conflict (tenant_id, package_id) do update set version = excluded.version, payload = excluded.payload, received_at = now()
                where package_projection.version < excluded.version""", packageId, tenant, version, payload) > 0);
    }

    /** G3: every package's newest payload, for a rebuild. */
    List<String> packages() {
        return call(() -> jdbc.queryForList("select payload from package_projection order by package_id", String.class));
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
