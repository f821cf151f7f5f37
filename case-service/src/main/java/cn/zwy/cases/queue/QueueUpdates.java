package cn.zwy.cases.queue;

import cn.zwy.cases.live.LiveStreams;
import cn.zwy.cases.live.PgNotifications;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live calling screens and ticket positions (ADR 0017, the pattern of ADR 0012's CaseUpdates): every committed
 * change of a ticket is announced by a trigger with {@code NOTIFY queue_changed, '<tenant>:<hall>'}; the one
 * listening connection ({@link PgNotifications}) hears it and, for each stream following that hall (a calling screen, or a ticket whose
 * place depends on every ticket of its hall), reads its state afresh and sends it when it differs from what the
 * stream last got. A stream starts with the state as it stands; a burst of changes is coalesced into one read per
 * stream; a comment every heartbeat notices dead clients; the stream ends after its lifetime (subscribe again).
 */
@Component
class QueueUpdates implements SmartLifecycle {

    static final String CHANNEL = "queue_changed";

    private final LiveStreams streams;
    private volatile boolean running;

    QueueUpdates(PgNotifications notifications,
                 @Value("${zwy.queue.updates.lifetime:PT30M}") Duration lifetime,
                 @Value("${zwy.queue.updates.heartbeat:PT20S}") Duration heartbeat,
                 @Value("${zwy.queue.updates.max-streams:5000}") int maxStreams) {
        this.streams = new LiveStreams("queue-updates", lifetime, heartbeat, maxStreams);
        notifications.listen(CHANNEL, streams::changed, streams::changedAll);
    }

    /**
     * Opens a stream following hall {@code hallKey} ({@code <tenant>:<hallId>}); {@code read} answers the state to
     * send (and is called once here first, so an unknown hall or ticket is an error before any stream opens).
     */
    SseEmitter open(String hallKey, String eventName, Supplier<Object> read) {
        return streams.open(hallKey, eventName, read);
    }

    @Override
    public void start() { running = true; }

    @Override
    public void stop() {
        running = false;
        streams.stop();
    }

    @Override
    public boolean isRunning() { return running; }
}
