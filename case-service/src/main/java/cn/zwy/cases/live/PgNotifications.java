package cn.zwy.cases.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One dedicated connection (outside the pool) LISTENing on every channel registered before start. A
 * notification goes to its channel's listeners on this thread (they hand work off at once). When the
 * connection is lost it is made again a second later, and every listener hears {@code missed()}: what was
 * announced meanwhile is gone, so they read afresh.
 */
@Component
public class PgNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,63}");

    /** What a module does with its channel's notifications. */
    public interface Listener {
        void notified(String payload);

        /** The connection was lost and made again: notifications may have been missed. */
        void missed();
    }

    private final String url;
    private final String user;
    private final String password;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread thread;

    PgNotifications(@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String user,
                    @Value("${spring.datasource.password}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Registers a listener of {@code channel} (a constant of the module: it is written into LISTEN). */
    public void listen(String channel, Listener listener) {
        if (!CHANNEL.matcher(channel).matches()) throw new IllegalArgumentException("not a channel name: " + channel);
        if (running) throw new IllegalStateException("channels are registered before start");
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Convenience for a listener that reacts to both the same way. */
    public void listen(String channel, Consumer<String> notified, Runnable missed) {
        listen(channel, new Listener() {
            @Override
            public void notified(String payload) { notified.accept(payload); }

            @Override
            public void missed() { missed.run(); }
        });
    }

    private void run() {
        boolean reconnected = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement st = c.createStatement()) {
                    for (String channel : listeners.keySet()) st.execute("LISTEN " + channel);
                }
                if (reconnected) listeners.values().forEach(ls -> ls.forEach(Listener::missed));
                reconnected = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(1000);
                    if (got == null) continue;
                    for (PGNotification n : got) {
                        for (Listener l : listeners.getOrDefault(n.getName(), List.of())) {
                            try {
                                l.notified(n.getParameter());
                            } catch (RuntimeException e) {
                                log.warn("notification on {} not handled: {}", n.getName(), e.toString());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                log.warn("listening for {} failed, again in 1 s: {}", listeners.keySet(), e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::run, "pg-notifications");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    @Override
    public boolean isRunning() { return running; }
}
