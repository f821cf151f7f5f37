package cn.zwy.common.events;

import cn.zwy.common.tenant.TenantContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
     * accepts is still verified first. The batch is acknowledged in one XACK, of the entries done so far even when
     * one fails (those after it stay pending and come again, in order).
     */
    @SuppressWarnings("unchecked")
    private boolean drain(ReadOffset offset, Duration block) {
        StreamReadOptions options = StreamReadOptions.empty().count(100);
        if (!block.isZero()) options = options.block(block);
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                Consumer.from(handler.group(), props.consumer()), options,
                StreamOffset.create(props.stream(), offset));
        if (records == null || records.isEmpty()) return false;
        List<RecordId> done = new ArrayList<>(records.size());
        try {
            for (MapRecord<String, Object, Object> record : records) {
                Object type = record.getValue().get("type");
                if (type != null && !handler.accepts(type.toString())) {
                    done.add(record.getId());
                    continue;
                }
                handle(record);
                done.add(record.getId());
            }
        } finally {
            if (!done.isEmpty()) redis.opsForStream().acknowledge(props.stream(), handler.group(), done.toArray(RecordId[]::new));
        }
        return true;
    }

    /** One entry of a type the handler accepts (or of no type): parsed, its signature checked, then applied or recorded. */
    private void handle(MapRecord<String, Object, Object> record) {
        DomainEvent event;
        try {
            event = DomainEvent.fromFields(record.getValue());
        } catch (RuntimeException malformed) {
            // not an event of ours at all: nothing to retry, nothing to record against an id
            log.error("event consumer {} skips malformed stream entry {}: {}", handler.group(), record.getId(), malformed.toString());
            return;
        }
        String forged = signature.problem(record.getValue());
        if (forged == null) {
            process(event);
        } else {
            // written by someone without the services' key: never applied, recorded for an operator
            log.warn("SECURITY: event consumer {} rejects stream entry {} ({} {} of tenant {}): {}",
                    handler.group(), record.getId(), event.type(), event.id(), event.tenantId(), forged);
            record(event, "rejected: " + forged);
        }
    }

    private void process(DomainEvent event) {
        if (!handler.accepts(event.type())) return;
        // by the whole primary key (tenant, group, event), as record() writes it: without the tenant the lookup scans
        // every event the service ever processed (docs/benchmarks/cases.md, 2026-12-04)
        boolean seen = TenantContext.platform(() -> tx.execute(s -> !jdbc.queryForList(
                "select 1 from processed_event where tenant_id = coalesce(?, '') and consumer_group = ? and event_id = ?",
                column(event.tenantId(), 12), handler.group(), event.id()).isEmpty()));
        if (seen) return;
        String failure = null;
        try {
            handler.handle(event);
        } catch (UnprocessableEventException | JacksonException e) {
            // can never succeed: recorded with its reason (for an operator to look at), then passed
            failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            log.error("event consumer {} gives up on {} {}: {}", handler.group(), event.type(), event.id(), failure);
        } catch (Exception e) {
            throw new IllegalStateException("handling " + event.type() + " " + event.id() + " failed: " + e.getMessage(), e);
        }
        record(event, failure);
    }

    /** Marks the event as done for this consumer group; a failure is kept with its reason. */
    private void record(DomainEvent event, String failure) {
        // fitted to the columns: a forged entry's fields are arbitrary, and a row that cannot be
        // written would stop the line behind it
        TenantContext.platform(() -> tx.execute(s -> jdbc.update(
                "insert into processed_event (consumer_group, event_id, event_type, tenant_id, failure) values (?, ?, ?, coalesce(?, ''), ?) on conflict do nothing",
                handler.group(), event.id(), column(event.type(), 60), column(event.tenantId(), 12), column(failure, 1000))));
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
