package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseView;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Live updates of cases (ADR 0012). Every committed change of a row of case_file is announced by a
 * trigger with {@code NOTIFY case_updated, '<tenant>:<uuid>:<version>'} (delivered on commit, to every
 * listening session of every instance); this component LISTENs on one dedicated connection of its own
 * (outside the pool) and pushes the case, read afresh with the subscriber's own caller (so authorised
 * exactly as {@code GET /api/cases/{id}}), to the server-sent-event streams of this instance that follow
 * it. A stream starts with the case as it stands (a client never misses a change between reading and
 * subscribing), skips versions it has already sent, sends a comment every heartbeat (a dead client is
 * noticed), and ends after its lifetime (the client subscribes again; a token is not trusted forever).
 * After the listening connection is lost and made again, every stream gets the case afresh, since
 * notifications sent meanwhile are gone.
 */
@Component
class CaseUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseUpdates.class);
    static final String CHANNEL = "case_updated";

    private final CaseQueries queries;
    private final String url;
    private final String user;
    private final String password;
    private final Duration lifetime;
    private final Duration heartbeat;
    private final int maxStreams;

    /** Streams by case ({@code <tenant>:<uuid>}). */
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService pushes = Executors.newFixedThreadPool(2, r -> daemon(r, "case-updates-push"));
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "case-updates-heartbeat"));
    private volatile boolean running;
    private volatile Thread listener;

    CaseUpdates(CaseQueries queries, @Value("${spring.datasource.url}") String url,
                @Value("${spring.datasource.username}") String user, @Value("${spring.datasource.password}") String password,
                @Value("${zwy.cases.updates.lifetime:PT30M}") Duration lifetime,
                @Value("${zwy.cases.updates.heartbeat:PT20S}") Duration heartbeat,
                @Value("${zwy.cases.updates.max-streams:5000}") int maxStreams) {
        this.queries = queries;
        this.url = url;
        this.user = user;
        this.password = password;
        this.lifetime = lifetime;
        this.heartbeat = heartbeat;
        this.maxStreams = maxStreams;
    }

    /** One subscriber: who (their rights decide what each push shows) and the last version sent. */
    private static final class Stream {
        final Caller caller;
        final String caseId;
        final SseEmitter emitter;
        long sent = -1;

        Stream(Caller caller, String caseId, SseEmitter emitter) {
            this.caller = caller;
            this.caseId = caseId;
            this.emitter = emitter;
        }
    }

    /**
     * Opens a stream of case {@code id} for {@code caller}: authorised (and first answered) as GET case, so
     * another citizen's case is NOT_FOUND and another tenant's staff FORBIDDEN before any stream opens.
     */
    SseEmitter open(Caller caller, String id) {
        CaseView now = queries.get(caller, id);
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ApiException(ErrorCode.RATE_LIMITED, "实时更新的订阅已满，请稍后再试", null, null);
        }
        String key = now.id();
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        Stream s = new Stream(caller, key, emitter);
        Runnable close = () -> {
            Set<Stream> set = streams.get(key);
            if (set != null && set.remove(s)) open.decrementAndGet();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(() -> { close.run(); emitter.complete(); });
        emitter.onError(e -> close.run());
        streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(s);
        send(s, now);
        // a change committed between the read above and the registration was announced to nobody: read once more
        pushes.execute(() -> push(s));
        return emitter;
    }

    private void send(Stream s, CaseView view) {
        synchronized (s) {
            if (view.version() <= s.sent) return;
            try {
                s.emitter.send(SseEmitter.event().name("case").id(Long.toString(view.version())).data(view, MediaType.APPLICATION_JSON));
                s.sent = view.version();
            } catch (IOException | IllegalStateException e) {
                // the client went away: the emitter's error callback drops the stream
                s.emitter.completeWithError(e);
            }
        }
    }

    /** A committed change of case {@code key} at {@code version}: its streams on this instance get it. */
    private void changed(String key, long version) {
        Set<Stream> set = streams.get(key);
        if (set == null) return;
        for (Stream s : set) {
            if (version >= 0 && version <= s.sent) continue;
            pushes.execute(() -> push(s));
        }
    }

    private void push(Stream s) {
        try {
            send(s, queries.get(s.caller, s.caseId));
        } catch (ApiException e) {
            // no longer visible to the caller (e.g. a staff member moved): the stream ends
            s.emitter.complete();
        } catch (RuntimeException e) {
            log.warn("case update of {} not pushed: {}", s.caseId, e.toString());
        }
    }

    // ------------------------------------------------------------------ listening

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (reconnected) streams.keySet().forEach(k -> changed(k, -1));   // what was sent meanwhile is lost
                reconnected = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got == null) continue;
                    for (PGNotification n : got) {
                        String p = n.getParameter();
                        int last = p.lastIndexOf(':');
                        if (last > 0) changed(p.substring(0, last), Long.parseLong(p.substring(last + 1)));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("listening for case updates failed, again in 1 s: {}", e.toString());
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
        listener = daemon(this::listen, "case-updates-listener");
        listener.start();
        beats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends every stream (the gateway's subscriptions complete) so that a graceful shutdown does not wait for them. */
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
