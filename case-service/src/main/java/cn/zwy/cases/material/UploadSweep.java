package cn.zwy.cases.material;

import cn.zwy.common.tenant.TenantTransactions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads that no submission claimed within {@code zwy.uploads.expire-after} (default
 * 24 h), bytes first, then the record, in batches. Every instance runs it every
 * {@code zwy.uploads.sweep-interval}: it is idempotent (deleting what is gone is no error, rows
 * are locked with {@code skip locked}), so running twice at once does no harm and a restart loses
 * nothing; no persistent scheduler is needed for it. Row-level security lets this one statement
 * see expired unclaimed uploads of every tenant (policy in V21) and nothing else.
 */
@Component
public class UploadSweep {

    private static final Logger log = LoggerFactory.getLogger(UploadSweep.class);
    private static final int BATCH = 200;

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ObjectStore store;

    public UploadSweep(TenantTransactions tx, JdbcTemplate jdbc, ObjectStore store) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.store = store;
    }

    @Scheduled(initialDelayString = "${zwy.uploads.sweep-interval:PT15M}", fixedDelayString = "${zwy.uploads.sweep-interval:PT15M}")
    public void scheduled() {
        try {
            int n = sweep();
            if (n > 0) log.info("removed {} expired material uploads", n);
        } catch (RuntimeException e) {
            log.warn("expired material uploads not removed this time: {}", e.toString());
        }
    }

    /** Removes every upload expired now; returns how many. */
    public int sweep() {
        int total = 0;
        while (true) {
            int n = tx.platform(() -> {
                List<String> keys = jdbc.queryForList("""
                        select object_key from material_upload
                         where case_id is null and expires_at < now()
                         order by expires_at limit ? for update skip locked""", String.class, BATCH);
                for (String key : keys) store.delete(key);
                if (!keys.isEmpty()) {
                    jdbc.update("delete from material_upload where object_key = any(?)", (Object) keys.toArray(String[]::new));
                }
                return keys.size();
            });
            total += n;
            if (n < BATCH) return total;
        }
    }
}
