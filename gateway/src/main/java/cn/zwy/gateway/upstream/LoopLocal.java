package cn.zwy.gateway.upstream;

import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP client (and connection pool) per Netty event loop thread, for the calls the gateway makes while it
 * serves a request (ADR 0039). Reactor Netty opens a connection on the event loop that asks for it, but one shared
 * pool hands a request whichever idle connection it has: the call then runs on another loop, and the answer comes
 * back to the caller's connection through a task queued on its loop, twice per call. With a pool per loop, every
 * connection a loop takes from its pool was opened on that loop, so a request is read, passed on, answered and
 * written back by one thread. Threads that are not event loops (start-up, schedulers) share one more client.
 */
public final class LoopLocal<T> {

    private static final Logger log = LoggerFactory.getLogger(LoopLocal.class);

    private final T shared;
    private final FastThreadLocal<T> perLoop;

    /** {@code factory} gets a name for the client (a pool's name: the thread's, or "shared"). */
    public LoopLocal(String what, Function<String, T> factory) {
        this.shared = factory.apply(what + "-shared");
        this.perLoop = new FastThreadLocal<>() {
            @Override
            protected T initialValue() {
                String name = what + "-" + Thread.currentThread().getName();
                log.info("{}: a connection pool of its own for event loop {}", what, Thread.currentThread().getName());
                return factory.apply(name);
            }
        };
    }

    /** The current event loop's client, or the shared one off the event loops. */
    public T get() {
        return Thread.currentThread() instanceof FastThreadLocalThread ? perLoop.get() : shared;
    }
}
