package cn.zwy.common.events;

import cn.zwy.common.tenant.TenantContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Reads the event stream as one consumer of a group. Its own pending entries are handled
 * first, so what was delivered but not acknowledged before a crash or an outage is done again.
 * Each running instance is its own consumer ({@link EventsProperties#consumer()}), so Redis hands every
 * new entry to exactly one replica; what another consumer of the group left unacknowledged for longer than
 * {@code claimIdle} (a replica that died or hangs) is claimed and done here, and consumers that are gone
 * (idle for an hour with nothing pending) are removed from the group.
 * A failing event stops the line (no skipping ahead) and is retried with a growing pause.
 * Processed event ids are recorded in the consuming service's {@code processed_event} table.
 * Every entry of a type the handler accepts has its signature checked first ({@link EventSignature}): an unsigned
 * or badly signed entry is never handed to the handler, only recorded as rejected. Entries of other types are
 * acknowledged unread.
 */
public class EventStreamConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreamConsumer.class);

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventsProperties props;
    private final EventSignature signature;
    private final EventHandler handler;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    public EventStreamConsumer(StringRedisTemplate redis, JdbcTemplate jdbc, TransactionTemplate tx,
                               EventsProperties props, EventSignature signature, EventHandler handler) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
        this.signature = signature;
        this.handler = handler;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = Thread.ofVirtual().name("events-" + handler.group()).start(this::loop);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
            try { thread.join(5000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }

    @Override
    public boolean isRunning() { return running.get(); }

    private void loop() {
        Duration pause = Duration.ofMillis(500);
        boolean groupReady = false;
        long nextClaim = 0;
        while (running.get()) {
            try {
                if (!groupReady) groupReady = ensureGroup();
                if (System.nanoTime() - nextClaim >= 0) {
                    claimAbandoned();
                    // half the idle time, at most every 15 s: an abandoned entry waits at most 1.5 × claimIdle
                    nextClaim = System.nanoTime() + Math.min(props.claimIdle().toNanos() / 2, Duration.ofSeconds(15).toNanos());
                }
                // pending first (ID 0), then new entries (>)
                if (!drain(ReadOffset.from("0"), Duration.ZERO) ) {
                    drain(ReadOffset.lastConsumed(), Duration.ofSeconds(2));
                }
                pause = Duration.ofMillis(500);
            } catch (RuntimeException e) {
                if (!running.get()) break;
                // the group is gone (Redis restarted without its data, or failed over to a copy that lacks it):
                // create it again from the start of the stream; processed_event makes the replay harmless
                if (mentions(e, "NOGROUP")) groupReady = false;
                log.warn("event consumer {} waiting {} before retrying: {}", handler.group(), pause, e.toString());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
            }
        }
    }

    private static boolean mentions(Throwable e, String redisError) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(redisError)) return true;
        }
        return false;
    }

    private boolean ensureGroup() {
        try {
            // from the beginning of the stream: a new consumer group catches up on history
            redis.opsForStream().createGroup(props.stream(), ReadOffset.from("0"), handler.group());
        } catch (RedisSystemException e) {
            if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) throw e;
        }
        return true;
    }

    private static final Duration GONE_AFTER = Duration.ofHours(1);

    /**
     * Takes over the entries other consumers of the group have held unacknowledged for {@code claimIdle}: they
     * become this consumer's pending entries and are done by the next pending read. XCLAIM with the same minimum
     * idle time is atomic, so two live replicas never both take one entry.
     */
    private void claimAbandoned() {
        String me = props.consumer();
        PendingMessages stale = redis.opsForStream().pending(props.stream(), handler.group(), Range.unbounded(), 100, props.claimIdle());
        List<RecordId> ids = stale.stream().filter(m -> !me.equals(m.getConsumerName())).map(PendingMessage::getId).toList();
        if (!ids.isEmpty()) {
            List<?> claimed = redis.opsForStream().claim(props.stream(), handler.group(), me, props.claimIdle(), ids.toArray(RecordId[]::new));
            log.warn("event consumer {} ({}) took over {} entries left unacknowledged by another instance", handler.group(), me, claimed.size());
        }
        for (StreamInfo.XInfoConsumer c : redis.opsForStream().consumers(props.stream(), handler.group())) {
            if (!c.consumerName().equals(me) && c.pendingCount() == 0 && c.idleTime().compareTo(GONE_AFTER) > 0) {
                redis.opsForStream().deleteConsumer(props.stream(), Consumer.from(handler.group(), c.consumerName()));
            }
        }
    }

    /**
     * Handles one batch; returns whether it found any entry. Every consumer group reads the whole stream, and most
     * entries are of types the handler ignores (the case events that tenant-service's and search-service's groups
     * never apply were a fifth of the box in the lifecycle benchmark): those are passed on the stream entry's type
     * alone, before parsing or checking the signature, since nothing of them is applied. Everything the handler
     * accepts is still verified first. The bookkeeping is per batch, not per event: one query finds which of the
     * batch's events this group has done before, one statement records the ones done now (two transactions per event
     * were about as many statements as the handlers' own work in the lifecycle benchmark, docs/benchmarks/cases.md).
     * The batch is recorded, then acknowledged in one XACK, up to the entry that failed, if one did (those after it
     * stay pending and come again, in order). A crash between a handler's commit and the record means the event is
     * handled again on redelivery, which handlers must bear (at-least-once, {@link EventHandler}).
     */
    @SuppressWarnings("unchecked")
    private boolean drain(ReadOffset offset, Duration block) {
        StreamReadOptions options = StreamReadOptions.empty().count(100);
        if (!block.isZero()) options = options.block(block);
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                Consumer.from(handler.group(), props.consumer()), options,
                StreamOffset.create(props.stream(), offset));
        if (records == null || records.isEmpty()) return false;
        List<Entry> entries = new ArrayList<>(records.size());
        for (MapRecord<String, Object, Object> record : records) entries.add(entry(record));
        Set<UUID> seen = seen(entries);
        List<RecordId> done = new ArrayList<>(records.size());
        List<Outcome> outcomes = new ArrayList<>();
        boolean complete = false;
        try {
            for (Entry e : entries) {
                if (e.event == null || seen.contains(e.event.id())) {
                    // not ours, or done before
                } else if (e.forged != null) {
                    outcomes.add(new Outcome(e.event, "rejected: " + e.forged));
                } else {
                    outcomes.add(apply(e.event));
                    // an event the outbox relay sent twice (a crash between its XADD and its update) is done once
                    seen.add(e.event.id());
                }
                done.add(e.id);
            }
            complete = true;
        } finally {
            // what was done is recorded even when an entry failed; if the record itself cannot be written, nothing is
            // acknowledged and the batch comes again (seen by none, so handled again: handlers bear that)
            try {
                record(outcomes);
            } catch (RuntimeException recordFailed) {
                if (complete) throw recordFailed;
                done.clear();
            }
            if (!done.isEmpty()) redis.opsForStream().acknowledge(props.stream(), handler.group(), done.toArray(RecordId[]::new));
        }
        return true;
    }

    /**
     * A stream entry as read: its event if the handler takes its type (null for other types and for entries that
     * are no event of ours), and why its signature fails, if it does.
     */
    private record Entry(RecordId id, DomainEvent event, String forged) {}

    /** What handling an event came to: recorded as done, with the reason if it can never be applied. */
    private record Outcome(DomainEvent event, String failure) {}

    private Entry entry(MapRecord<String, Object, Object> record) {
        Object type = record.getValue().get("type");
        if (type != null && !handler.accepts(type.toString())) return new Entry(record.getId(), null, null);
        DomainEvent event;
        try {
            event = DomainEvent.fromFields(record.getValue());
        } catch (RuntimeException malformed) {
            // not an event of ours at all: nothing to retry, nothing to record against an id
            log.error("event consumer {} skips malformed stream entry {}: {}", handler.group(), record.getId(), malformed.toString());
            return new Entry(record.getId(), null, null);
        }
        String forged = signature.problem(record.getValue());
        if (forged != null) {
            // written by someone without the services' key: never applied, recorded for an operator
            log.warn("SECURITY: event consumer {} rejects stream entry {} ({} {} of tenant {}): {}",
                    handler.group(), record.getId(), event.type(), event.id(), event.tenantId(), forged);
        } else if (!handler.accepts(event.type())) {
            return new Entry(record.getId(), null, null);
        }
        return new Entry(record.getId(), event, forged);
    }

    /**
     * The batch's events this group has done before (a redelivery, a claimed entry, a group created again from the
     * start of the stream), in one query on the primary key (tenant, group, event), as record() writes it: without the
     * tenant the lookup scans every event the service ever processed (docs/benchmarks/cases.md, 2026-12-04). One
     * probe of the key per event, as a lateral subquery with a limit: a plain join of the pairs with the table was
     * planned (generic plans, ADR 0038) as a hash join over the whole table when the statistics were taken while it
     * was small, and as two lists ({@code = any}) it read every row of the group; each took 2–3 ms a batch.
     */
    private Set<UUID> seen(List<Entry> entries) {
        List<String> tenants = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Entry e : entries) {
            if (e.event == null) continue;
            tenants.add(tenantColumn(e.event));
            ids.add(e.event.id());
        }
        if (ids.isEmpty()) return new HashSet<>();
        return new HashSet<>(TenantContext.platform(() -> tx.execute(s -> jdbc.query("""
                select b.event_id from unnest(?::varchar[], ?::uuid[]) as b(tenant_id, event_id)
                cross join lateral (select 1 from processed_event p
                    where p.tenant_id = b.tenant_id and p.consumer_group = ? and p.event_id = b.event_id limit 1) done""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", tenants.toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    ps.setString(3, handler.group());
                },
                (rs, row) -> rs.getObject(1, UUID.class)))));
    }

    /** Hands the event to the handler; an exception means it must be tried again (and stops the batch there). */
    private Outcome apply(DomainEvent event) {
        try {
            handler.handle(event);
            return new Outcome(event, null);
        } catch (UnprocessableEventException | JacksonException e) {
            // can never succeed: recorded with its reason (for an operator to look at), then passed
            String failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            log.error("event consumer {} gives up on {} {}: {}", handler.group(), event.type(), event.id(), failure);
            return new Outcome(event, failure);
        } catch (Exception e) {
            throw new IllegalStateException("handling " + event.type() + " " + event.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Marks the events as done for this consumer group, in one statement; a failure is kept with its reason. */
    private void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) return;
        // fitted to the columns: a forged entry's fields are arbitrary, and a row that cannot be written would stop
        // the line behind it
        List<UUID> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            ids.add(o.event.id());
            types.add(column(o.event.type(), 60));
            tenants.add(tenantColumn(o.event));
            failures.add(column(o.failure, 1000));
        }
        TenantContext.platform(() -> tx.execute(s -> jdbc.update("""
                insert into processed_event (consumer_group, event_id, event_type, tenant_id, failure)
                select ?, b.event_id, b.event_type, b.tenant_id, b.failure
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[]) as b(event_id, event_type, tenant_id, failure)
                on conflict do nothing""",
                ps -> {
                    ps.setString(1, handler.group());
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    ps.setArray(3, ps.getConnection().createArrayOf("varchar", types.toArray()));
                    ps.setArray(4, ps.getConnection().createArrayOf("varchar", tenants.toArray()));
                    ps.setArray(5, ps.getConnection().createArrayOf("varchar", failures.toArray()));
                })));
    }

    /** An event without a tenant (a platform event, a forged entry) is kept under the empty tenant, so the key can name it. */
    private static String tenantColumn(DomainEvent event) {
        return Objects.requireNonNullElse(column(event.tenantId(), 12), "");
    }

    private static String column(String value, int length) {
        if (value == null) return null;
        String clean = value.replace("\0", "");
        return clean.substring(0, Math.min(clean.length(), length));
    }

    private static void sleep(Duration d) {
        try { Thread.sleep(d); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
