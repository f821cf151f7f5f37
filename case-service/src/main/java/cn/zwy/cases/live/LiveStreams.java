package cn.zwy.cases.live;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.io.IOException;
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
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A module's server-sent-event streams, each following a key (a case, a hall). A stream starts with the
 * state as it stands; {@link #changed} reads it afresh for every stream of the key (one read per stream
 * however many changes arrive while one is queued) and sends it only when {@code newer} says it is newer
 * than what the stream got, so a stream never goes back; a read the caller may no longer make
 * ({@link ApiException}) ends the stream. A comment every heartbeat notices dead clients; a stream ends
 * after its lifetime (the client subscribes again: a token is not trusted forever).
 */
public final class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final String name;
    private final Duration lifetime;
    private final int maxStreams;
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService pushes;
    private final ScheduledExecutorService beats;

    private static final class Stream {
        final String event;
        final Supplier<Object> read;
        final BiPredicate<Object, Object> newer;
        final SseEmitter emitter;
        final AtomicBoolean queued = new AtomicBoolean();
        Object sent;

        Stream(String event, Supplier<Object> read, BiPredicate<Object, Object> newer, SseEmitter emitter) {
            this.event = event;
            this.read = read;
            this.newer = newer;
            this.emitter = emitter;
        }
    }

    public LiveStreams(String name, Duration lifetime, Duration heartbeat, int maxStreams) {
        this.name = name;
        this.lifetime = lifetime;
        this.maxStreams = maxStreams;
        this.pushes = Executors.newFixedThreadPool(2, r -> daemon(r, name + "-push"));
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-heartbeat"));
        beats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream that sends any state different from the last. */
    public SseEmitter open(String key, String event, Supplier<Object> read) {
        return open(key, event, read, (sent, next) -> !Objects.equals(sent, next));
    }

    /**
     * Opens a stream of {@code key}: {@code read} is called once here first, so a refusal (NOT_FOUND, FORBIDDEN) is
     * an error before any stream opens; {@code newer(sent, next)} decides whether {@code next} goes out.
     */
    public SseEmitter open(String key, String event, Supplier<Object> read, BiPredicate<Object, Object> newer) {
        Object now = read.get();
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ApiException(ErrorCode.RATE_LIMITED, "实时更新的订阅已满，请稍后再试", null, null);
        }
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        Stream s = new Stream(event, read, newer, emitter);
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
        schedule(s);
        return emitter;
    }

    /** The state of {@code key} changed: its streams read it afresh. */
    public void changed(String key) {
        Set<Stream> set = streams.get(key);
        if (set != null) set.forEach(this::schedule);
    }

    /** Changes may have been missed (the listening connection was lost): every stream reads afresh. */
    public void changedAll() {
        streams.keySet().forEach(this::changed);
    }

    /** Ends every stream (the gateway's subscriptions complete), so that a graceful shutdown does not wait for them. */
    public void stop() {
        beats.shutdownNow();
        for (Set<Stream> set : streams.values()) for (Stream s : List.copyOf(set)) s.emitter.complete();
        streams.clear();
        pushes.shutdownNow();
    }

    private void send(Stream s, Object state) {
        synchronized (s) {
            if (s.sent != null && !s.newer.test(s.sent, state)) return;
            try {
                s.emitter.send(SseEmitter.event().name(s.event).data(state, MediaType.APPLICATION_JSON));
                s.sent = state;
            } catch (IOException | IllegalStateException e) {
                // the client went away: the emitter's error callback drops the stream
                s.emitter.completeWithError(e);
            }
        }
    }

    private void schedule(Stream s) {
        if (!s.queued.compareAndSet(false, true)) return;
        pushes.execute(() -> {
            s.queued.set(false);
            try {
                send(s, s.read.get());
            } catch (ApiException e) {
                // no longer visible to the caller (e.g. a staff member moved): the stream ends
                s.emitter.complete();
            } catch (RuntimeException e) {
                log.warn("{} update ({}) not pushed: {}", name, s.event, e.toString());
            }
        });
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

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
