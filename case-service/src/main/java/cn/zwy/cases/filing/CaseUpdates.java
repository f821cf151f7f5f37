package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.live.LiveStreams;
import cn.zwy.cases.live.PgNotifications;
import cn.zwy.common.security.Caller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of cases (ADR 0012). Every committed change of a row of case_file is announced by a trigger
 * with {@code NOTIFY case_updated, '<tenant>:<uuid>:<version>'} (delivered on commit, to every listening
 * instance); the streams of this instance that follow the case get it read afresh with the subscriber's own
 * caller (so authorised exactly as {@code GET /api/cases/{id}}), versions only ever increasing.
 */
@Component
class CaseUpdates implements SmartLifecycle {

    static final String CHANNEL = "case_updated";

    private final CaseQueries queries;
    private final LiveStreams streams;
    private volatile boolean running;

    CaseUpdates(CaseQueries queries, PgNotifications notifications,
                @Value("${zwy.cases.updates.lifetime:PT30M}") Duration lifetime,
                @Value("${zwy.cases.updates.heartbeat:PT20S}") Duration heartbeat,
                @Value("${zwy.cases.updates.max-streams:5000}") int maxStreams) {
        this.queries = queries;
        this.streams = new LiveStreams("case-updates", lifetime, heartbeat, maxStreams);
        notifications.listen(CHANNEL, payload -> {
            int last = payload.lastIndexOf(':');
            if (last > 0) streams.changed(payload.substring(0, last));
        }, streams::changedAll);
    }

    /**
     * Opens a stream of case {@code id} for {@code caller}: authorised (and first answered) as GET case, so
     * another citizen's case is NOT_FOUND and another tenant's staff FORBIDDEN before any stream opens.
     */
    SseEmitter open(Caller caller, String id) {
        return streams.open(CaseId.parse("id", id).toString(), "case", () -> queries.get(caller, id),
                (sent, next) -> ((CaseView) next).version() > ((CaseView) sent).version());
    }

    @Override
    public void start() { running = true; }

    /** Ends every stream (the gateway's subscriptions complete) so that a graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        streams.stop();
    }

    @Override
    public boolean isRunning() { return running; }
}
