package cn.zwy.cases.queue;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live calling screens and ticket positions (ADR 0017, the pattern of ADR 0012's CaseUpdates): every committed
 * change of a ticket is announced by a trigger with {@code NOTIFY queue_changed, '<tenant>:<hall>'}; this component
 * LISTENs on one dedicated connection and, for each stream following that hall (a calling screen, or a ticket whose
 * place depends on every ticket of its hall), reads its state afresh and sends it when it differs from what the
 * stream last got. A stream starts with the state as it stands; a burst of changes is coalesced into one read per
 * stream; a comment every heartbeat notices dead clients; the stream ends after its lifetime (subscribe again).
 */
@Component
class QueueUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueUpdates.class);
    static final String CHANNEL = "queue_changed";

    private final String url;
    private final String user;
    private final String password;
    private final Duration lifetime;
    private final Duration heartbeat;
    private final int maxStreams;

    /** Streams by hall ({@code <tenant>:<hallId>}). */
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService pushes = Executors.newFixedThreadPool(2, r -> daemon(r, "queue-updates-push"));
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "queue-updates-heartbeat"));
    private volatile boolean running;
    private volatile Thread listener;

    QueueUpdates(@Value("${spring.datasource.url}") String url,
                 @Value("${spring.datasource.username}") String user, @Value("${spring.datasource.password}") String password,
                 @Value("${zwy.queue.updates.lifetime:PT30M}") Duration lifetime,
                 @Value("${zwy.queue.updates.heartbeat:PT20S}") Duration heartbeat,
                 @Value("${zwy.queue.updates.max-streams:5000}") int maxStreams) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.lifetime = lifetime;
        this.heartbeat = heartbeat;
        this.maxStreams = maxStreams;
    }

    /** One subscriber: how to read what it follows, and what it got last. */
    private static final class Stream {
        final Supplier<Object> read;
        final SseEmitter emitter;
        final String name;
        final AtomicBoolean queued = new AtomicBoolean();
        Object sent;

        Stream(Supplier<Object> read, SseEmitter emitter, String name) {
            this.read = read;
            this.emitter = emitter;
            this.name = name;
        }
    }

    /**
     * Opens a stream following hall {@code hallKey} ({@code <tenant>:<hallId>}); {@code read} answers the state to
     * send (and is called once here first, so an unknown hall or ticket is an error before any stream opens).
     */
    SseEmitter open(String hallKey, String eventName, Supplier<Object> read) {
        Object now = read.get();
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ApiException(ErrorCode.RATE_LIMITED, "实时更新的订阅已满，请稍后再试", null, null);
        }
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        Stream s = new Stream(read, emitter, eventName);
        Runnable close = () -> {
            Set<Stream> set = streams.get(hallKey);
            if (set != null && set.remove(s)) open.decrementAndGet();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(() -> { close.run(); emitter.complete(); });
        emitter.onError(e -> close.run());
        streams.computeIfAbsent(hallKey, k -> ConcurrentHashMap.newKeySet()).add(s);
        send(s, now);
        // a change committed between the read above and the registration was announced to nobody: read once more
        schedule(s);
        return emitter;
    }

    private void send(Stream s, Object state) {
        synchronized (s) {
            if (Objects.equals(state, s.sent)) return;
            try {
                s.emitter.send(SseEmitter.event().name(s.name).data(state, MediaType.APPLICATION_JSON));
                s.sent = state;
            } catch (IOException | IllegalStateException e) {
                s.emitter.completeWithError(e);
            }
        }
    }

    /** One read per stream however many changes arrive while it is queued. */
    private void schedule(Stream s) {
        if (!s.queued.compareAndSet(false, true)) return;
        pushes.execute(() -> {
            s.queued.set(false);
            try {
                send(s, s.read.get());
            } catch (ApiException e) {
                s.emitter.complete();
            } catch (RuntimeException e) {
                log.warn("queue update of {} not pushed: {}", s.name, e.toString());
            }
        });
    }

    private void changed(String hallKey) {
        Set<Stream> set = streams.get(hallKey);
        if (set != null) set.forEach(this::schedule);
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (reconnected) streams.keySet().forEach(this::changed);   // what was announced meanwhile is lost
                reconnected = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got == null) continue;
                    Set<String> halls = new java.util.HashSet<>();
                    for (PGNotification n : got) halls.add(n.getParameter());
                    halls.forEach(this::changed);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("listening for queue updates failed, again in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void beat() {
        for (Set<Stream> set : streams.values()) {
            for (Stream s : set) {
                synchronized (s) {
                    try {
                        s.emitter.send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        s.emitter.completeWithError(e);
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = daemon(this::listen, "queue-updates-listener");
        listener.start();
        beats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        beats.shutdownNow();
        for (Set<Stream> set : streams.values()) for (Stream s : List.copyOf(set)) s.emitter.complete();
        streams.clear();
        pushes.shutdownNow();
        Thread t = listener;
        if (t != null) t.interrupt();
    }

    @Override
    public boolean isRunning() { return running; }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
