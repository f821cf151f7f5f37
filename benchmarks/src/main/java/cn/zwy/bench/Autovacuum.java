package cn.zwy.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What PostgreSQL's autovacuum does to one database, done by the benchmark while it runs: this box's PostgreSQL has
 * autovacuum off (its CI configuration), a production database has it on.
 *
 * <p>Why it matters: case-service plans every statement generically (ADR 0038), and a generic plan is kept by its
 * connection until the table's statistics change. The tables the load fills (SMS, messages, scheduler rows, events)
 * start nearly empty; planned while they held a few pages, their lookups by key stayed sequential scans while they grew
 * to thousands of rows (docs/benchmarks/cases.md, 2026-12-06: the SMS drain's update read 334 blocks a call). On a
 * running database autovacuum analyses a table each time it has changed by a tenth, and the new statistics make every
 * connection plan again.
 *
 * <p>Every {@code naptime} (autovacuum_naptime: 1 min), each table past autovacuum's default thresholds is analysed
 * ({@code n_mod_since_analyze > 50 + 0.1 × reltuples}) or vacuumed and analysed ({@code n_dead_tup > 50 + 0.2 ×
 * reltuples}, or {@code n_ins_since_vacuum > 1000 + 0.2 × reltuples}), throttled as autovacuum is (cost delay 2 ms).
 * Partitions are maintained one by one and partitioned parents not at all, as autovacuum does.
 */
final class Autovacuum implements AutoCloseable {

    private final Callable<Connection> db;
    private final Thread thread;
    private volatile boolean stopped;

    /** Starts maintaining: the first pass after {@code first}, then every {@code naptime}. */
    Autovacuum(Callable<Connection> db, Duration first, Duration naptime) {
        this.db = db;
        this.thread = Thread.ofPlatform().daemon().name("autovacuum").start(() -> {
            Duration wait = first;
            while (!stopped) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
                if (stopped) return;
                pass();
                wait = naptime;
            }
        });
    }

    private void pass() {
        long t0 = System.nanoTime();
        List<String> done = new ArrayList<>();
        try (Connection c = db.call(); Statement st = c.createStatement()) {
            st.execute("set vacuum_cost_delay = '2ms'");
            // what autovacuum would run on each table past its thresholds (a vacuum analyses too)
            List<String> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select case when s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                                  or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) then 'vacuum (analyze) '
                                when s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) then 'analyze ' end
                           || format('%I.%I', s.schemaname, s.relname)
                    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                    where c.relkind = 'r'""")) {
                while (rs.next()) {
                    if (rs.getString(1) != null) due.add(rs.getString(1));
                }
            }
            for (String command : due) {
                if (stopped) break;
                st.execute(command);
                done.add(command);
            }
        } catch (Exception e) {
            System.out.println("  autovacuum (the benchmark's) failed, the run goes on: " + e.getMessage());
            return;
        }
        if (!done.isEmpty()) {
            System.out.printf(Locale.ROOT, "  autovacuum (the benchmark's) in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                    String.join(", ", done));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(Duration.ofMinutes(2));
    }
}
