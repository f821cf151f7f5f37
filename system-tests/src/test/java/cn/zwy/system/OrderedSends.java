package cn.zwy.system;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;

/**
 * The JDK's WebSocket allows one outstanding send: a {@code sendText} made before the previous one's future
 * completed fails (IllegalStateException in the returned future) and the frame is silently never sent. A
 * client that answers {@code connection_ack} with {@code subscribe} from the listener races its own
 * {@code connection_init}; the server's ack can be read before the init's send has completed. Every
 * test client sends through one of these, so each frame waits for the one before it.
 */
final class OrderedSends {

    private final WebSocket socket;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    OrderedSends(WebSocket socket) {
        this.socket = socket;
    }

    synchronized CompletableFuture<?> text(String frame) {
        last = last.handle((r, e) -> null).thenCompose(x -> socket.sendText(frame, true));
        return last;
    }

    synchronized CompletableFuture<?> close() {
        last = last.handle((r, e) -> null).thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        return last;
    }
}
