package cn.zwy.gateway.limits;

import cn.zwy.gateway.upstream.LoopLocal;
import cn.zwy.gateway.web.ForwardedClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Keycloak's sign-in endpoints through the one public entry point ({@code /realms/**}, {@code /resources/**}),
 * proxied by a Netty handler of each connection's own, right behind the HTTP codec, ahead of Reactor Netty's HTTP
 * server and everything Spring puts on it (ADR 0046; before: a Reactor Netty route, ADR 0011 and 0039). Reactor
 * Netty's per-request machinery (its request and response operations, the client's connection pool and its Monos)
 * cost twice the CPU of the proxying itself: 0.18–0.21 against 0.10–0.12 ms per proxied request, measured side by
 * side (docs/benchmarks/gateway.md).
 *
 * <p>What may pass is decided by {@link KeycloakRoutes} on the raw path; anything else under those prefixes is
 * answered 404 here and never reaches Keycloak. Sign-in posts are counted per client address in Redis across
 * instances ({@code token-per-minute}, the address a trusted proxy forwarded: {@link ForwardedClients}); every
 * proxied request is timed ({@code gateway.keycloak.requests}). Each event loop keeps its own idle connections to
 * Keycloak, so one thread reads a request, passes it on, and writes the answer; an answer of known small size goes
 * out with its headers in one flush, a larger one streams with back-pressure. Requests on one connection are answered
 * in order, whichever of this handler and Reactor Netty serves them: a pipelined request waits for the answers before
 * it.
 */
@Component
public class KeycloakProxy implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(KeycloakProxy.class);

    static final String HANDLER = "zwy.keycloakProxy";

    /** Connection-level headers of one hop, never passed on (RFC 9110 §7.6.1), and Host, which is the upstream's. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private static final byte[] TOO_MANY = "{\"error\":\"too_many_requests\",\"error_description\":\"登录请求过于频繁，请一分钟后再试\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_ROUTED = "{\"error\":\"not_found\",\"error_description\":\"此地址不对外开放\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNREACHABLE = "{\"error\":\"temporarily_unavailable\",\"error_description\":\"认证服务暂时无法访问，请稍后再试\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** Answers up to this size go out in one flush with their headers; larger or chunked ones stream. */
    private static final int BUFFERED_MAX = 64 * 1024;
    /** How long Keycloak may take to start its answer. */
    private static final long RESPONSE_TIMEOUT_SECONDS = 30;
    /** An idle connection to Keycloak is not reused after this long (Keycloak may close it meanwhile). */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** At most this many connections to Keycloak in use per event loop; a request past it is answered 502. */
    static final int MAX_CONNECTIONS_PER_LOOP = 200;

    private final String host;
    private final int port;
    private final String authority;
    private final RedisLimits limits;
    private final LimitsProperties props;
    private final ForwardedClients forwarded;
    private final MeterRegistry meters;
    /** The idle connections to Keycloak of each event loop (ADR 0039: the request, its call and its answer on one thread). */
    private final LoopLocal<Pool> pools = new LoopLocal<>("keycloak", name -> new Pool());
    /** One timer per status code, registered once (registering sorts tags: not on every request). */
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    public KeycloakProxy(@Value("${zwy.keycloak-url}") String keycloakUrl, RedisLimits limits, LimitsProperties props,
                         ForwardedClients forwarded, MeterRegistry meters) {
        URI base = URI.create(keycloakUrl);
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        // the request's Host is Keycloak's own, as with any reverse proxy without forwarded headers:
        // Keycloak's hostname is fixed in its configuration, so it never builds URLs from ours
        this.authority = base.getAuthority();
        this.limits = limits;
        this.props = props;
        this.forwarded = forwarded;
        this.meters = meters;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            // HTTP/1.1 connections only (the gateway serves no other); the management port has its own server
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Front());
            }
        });
    }

    /** Whom a sign-in is counted for: the peer, or the client a trusted proxy forwarded (as for every other limit). */
    String signInAddress(SocketAddress peer, HttpHeaders headers) {
        return CallerKey.address(peer instanceof InetSocketAddress inet ? forwarded.client(inet, headers.get("X-Forwarded-For")) : null);
    }

    /** A well-formed request for Keycloak's paths (a malformed one goes to Reactor Netty, which answers 400). */
    static boolean ours(HttpRequest request) {
        return request.decoderResult().isSuccess() && isKeycloakPath(request.uri());
    }

    static boolean isKeycloakPath(String uri) {
        return uri.startsWith("/realms/") || uri.startsWith("/resources/");
    }

    private Timer timer(int status) {
        return timers.computeIfAbsent(status, s -> Timer.builder("gateway.keycloak.requests")
                .description("requests passed to Keycloak").tag("status", String.valueOf(s)).register(meters));
    }

    /** The end-to-end headers. */
    private static void copy(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> h : from) {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) to.add(h.getKey(), h.getValue());
        }
    }

    /** The idle connections to Keycloak of one event loop, and how many are in use. */
    private static final class Pool {
        final ArrayDeque<Channel> idle = new ArrayDeque<>();
        int inUse;
    }

    /**
     * One client connection: takes the requests for Keycloak's paths, passes every other message on to Reactor Netty,
     * and keeps the answers in the order of the requests.
     */
    final class Front extends ChannelDuplexHandler {

        /** The request proxied now, if any. */
        private Exchange current;
        /** Requests passed on to Reactor Netty whose answer has not been written completely. */
        private int passedOn;
        /** Messages read while an earlier request's answer is due. */
        private final ArrayDeque<Object> held = new ArrayDeque<>();
        private ChannelHandlerContext ctx;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!held.isEmpty() || (current != null && current.requestRead)) {
                held.add(msg);
                return;
            }
            dispatch(msg);
        }

        private void dispatch(Object msg) {
            if (msg instanceof HttpRequest request && ours(request)) {
                if (passedOn > 0) {
                    held.add(msg); // answered after Reactor Netty's answers to the requests before it
                    return;
                }
                current = new Exchange(this, request);
                if (msg instanceof HttpContent content) current.content(content);
                return;
            }
            if (current != null && !current.requestRead && msg instanceof HttpContent content) {
                current.content(content);
                return;
            }
            if (msg instanceof HttpRequest) passedOn++;
            ctx.fireChannelRead(msg);
        }

        /** Reactor Netty's answers pass here on their way out: the end of one lets a held request go on. */
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            boolean ends = msg instanceof LastHttpContent && !(msg instanceof HttpResponse r && interim(r));
            ctx.write(msg, promise);
            if (ends && passedOn > 0 && --passedOn == 0 && !held.isEmpty()) ctx.executor().execute(this::resume);
        }

        private static boolean interim(HttpResponse r) {
            return r.status().codeClass() == HttpStatusClass.INFORMATIONAL && r.status().code() != 101;
        }

        /** The proxied request is answered: what was held goes on, or the next request is read. */
        void done(Exchange exchange, boolean keepAlive) {
            if (current != exchange) return;
            current = null;
            if (!keepAlive) {
                releaseHeld();
                return;
            }
            resume();
        }

        private void resume() {
            while (!held.isEmpty() && (current == null || !current.requestRead)) {
                Object next = held.peek();
                if (next instanceof HttpRequest r && ours(r)
                        && (passedOn > 0 || current != null)) return;
                dispatch(held.poll());
            }
            if (held.isEmpty() && current == null) ctx.read();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (current != null) current.downWritable(ctx.channel().isWritable());
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (current != null) current.abandon();
            current = null;
            releaseHeld();
            ctx.fireChannelInactive();
        }

        private void releaseHeld() {
            for (Object m; (m = held.poll()) != null; ) ReferenceCountUtil.release(m);
        }
    }

    /** One request for Keycloak's paths and its answer. */
    final class Exchange {

        private final Front front;
        private final ChannelHandlerContext down;
        private final HttpRequest request;
        private final boolean keepAlive;
        private final long start = System.nanoTime();
        /** The whole request has been read from the client. */
        boolean requestRead;
        /** 0: deciding (the sign-in count), 1: passing on, 2: refused (answered once read). */
        private int mode;
        private byte[] refusal;
        private HttpResponseStatus refusalStatus;
        /** The request's body, while the connection to Keycloak is not there yet. */
        private final ArrayDeque<HttpContent> pending = new ArrayDeque<>();
        private Channel up;
        private Back back;
        private boolean answering;
        private boolean small;
        private int status;
        private ScheduledFuture<?> timeout;
        private boolean finished;

        Exchange(Front front, HttpRequest request) {
            this.front = front;
            this.down = front.ctx;
            this.request = request;
            this.keepAlive = HttpUtil.isKeepAlive(request);
            String uri = request.uri();
            int q = uri.indexOf('?');
            String rawPath = q < 0 ? uri : uri.substring(0, q);
            HttpMethod method = HttpMethod.valueOf(request.method().name());
            if (!KeycloakRoutes.routed(rawPath, method)) {
                refuse(HttpResponseStatus.NOT_FOUND, NOT_ROUTED);
            } else if (KeycloakRoutes.isSignIn(rawPath, method)) {
                String address = signInAddress(down.channel().remoteAddress(), request.headers());
                limits.countSignIn(address).subscribe(n -> down.executor().execute(() -> counted(n)),
                        e -> down.executor().execute(() -> counted(0L)));
            } else {
                pass();
            }
            if (HttpUtil.is100ContinueExpected(request) && mode != 2) {
                down.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
            down.read();
        }


        private void counted(long n) {
            if (finished || mode != 0) return;
            if (n > props.tokenPerMinute()) {
                refuse(HttpResponseStatus.TOO_MANY_REQUESTS, TOO_MANY);
            } else {
                pass();
            }
        }

        /** Answers with an error once the whole request is read; what was kept of its body is dropped. */
        private void refuse(HttpResponseStatus status, byte[] body) {
            releasePending();
            mode = 2;
            refusalStatus = status;
            refusal = body;
            if (requestRead) answer(status, body);
        }

        void content(HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (last) requestRead = true;
            switch (mode) {
                case 1 -> {
                    if (up != null) {
                        if (last) up.writeAndFlush(content);
                        else up.write(content);
                    } else {
                        pending.add(content);
                    }
                }
                case 2 -> content.release();
                default -> pending.add(content);
            }
            if (mode == 2 && last) answer(refusalStatus, refusal);
            else if (!last) down.read();
        }

        /** Passes the request on, on a connection of this loop. */
        private void pass() {
            mode = 1;
            timeout = down.executor().schedule(() -> fail(new TimeoutException("Keycloak took longer than "
                    + RESPONSE_TIMEOUT_SECONDS + " s")), RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Pool pool = pools.get();
            long now = System.nanoTime();
            for (Channel idle; (idle = pool.idle.pollLast()) != null; ) {
                Back b = idle.pipeline().get(Back.class);
                if (idle.isActive() && b != null && now - b.idleSince < IDLE_NANOS) {
                    pool.inUse++;
                    connected(pool, idle, b);
                    return;
                }
                idle.close();
            }
            if (pool.inUse >= MAX_CONNECTIONS_PER_LOOP) {
                fail(new IllegalStateException("more than " + MAX_CONNECTIONS_PER_LOOP + " connections to Keycloak on one event loop"));
                return;
            }
            pool.inUse++; // reserved while it connects
            Back b = new Back();
            @SuppressWarnings("unchecked")
            Class<? extends Channel> type = (Class<? extends Channel>) down.channel().getClass();
            new Bootstrap().group(down.channel().eventLoop()).channel(type)
                    .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), b);
                        }
                    })
                    .connect(host, port).addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) {
                            connected(pool, f.channel(), b);
                        } else {
                            pool.inUse--;
                            fail(f.cause());
                        }
                    });
        }

        private void connected(Pool pool, Channel channel, Back b) {
            if (finished) { // the client went away meanwhile: the connection waits for the next request
                pool.inUse--;
                b.idleSince = System.nanoTime();
                pool.idle.add(channel);
                return;
            }
            up = channel;
            back = b;
            b.exchange = this;
            b.pool = pool;
            HttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri());
            copy(request.headers(), out.headers());
            out.headers().remove(HttpHeaderNames.EXPECT);
            out.headers().set(HttpHeaderNames.HOST, authority);
            boolean hasBody = request.headers().contains(HttpHeaderNames.CONTENT_LENGTH) || HttpUtil.isTransferEncodingChunked(request);
            if (HttpUtil.isTransferEncodingChunked(request)) HttpUtil.setTransferEncodingChunked(out, true);
            if (!hasBody) out.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            up.write(out);
            for (HttpContent c; (c = pending.poll()) != null; ) up.write(c);
            up.flush();
        }

        /** The answer's head from Keycloak. */
        void response(HttpResponse response) {
            if (finished) return;
            answering = true;
            // Keycloak has answered: the body then takes as long as the client needs (a style sheet on a slow phone)
            cancelTimeout();
            status = response.status().code();
            HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status());
            copy(response.headers(), out.headers());
            boolean bodiless = request.method().equals(io.netty.handler.codec.http.HttpMethod.HEAD) || status == 204 || status == 304;
            if (HttpUtil.isTransferEncodingChunked(response)
                    || (!bodiless && !response.headers().contains(HttpHeaderNames.CONTENT_LENGTH))) {
                HttpUtil.setTransferEncodingChunked(out, true); // (a close-delimited answer is passed on in chunks)
            }
            if (!keepAlive) out.headers().set(HttpHeaderNames.CONNECTION, "close");
            Integer length = response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH);
            small = length != null && length >= 0 && length <= BUFFERED_MAX;
            if (small) down.write(out);
            else down.writeAndFlush(out);
        }

        /** A part of the answer's body from Keycloak. */
        void body(HttpContent content) {
            if (finished) {
                content.release();
                return;
            }
            if (content instanceof LastHttpContent) {
                down.writeAndFlush(content).addListener(f -> finish(back.reusable && requestRead));
                return;
            }
            if (small) {
                down.write(content);
            } else {
                down.writeAndFlush(content);
                if (!down.channel().isWritable()) up.config().setAutoRead(false);
            }
        }

        void downWritable(boolean writable) {
            if (writable && up != null && !finished) up.config().setAutoRead(true);
        }

        /** Keycloak could not be reached or failed mid-way. */
        void fail(Throwable e) {
            if (finished) return;
            log.warn("Keycloak unreachable for {} {}: {}", request.method(), request.uri(), e.toString());
            releaseUpstream(false);
            if (answering) {
                finished = true;
                cancelTimeout();
                down.close();
                return;
            }
            status = HttpResponseStatus.BAD_GATEWAY.code();
            refuse(HttpResponseStatus.BAD_GATEWAY, UNREACHABLE); // the rest of the request is read and dropped, then answered
        }

        private void answer(HttpResponseStatus status, byte[] body) {
            if (finished) return;
            answering = true;
            DefaultFullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (status == HttpResponseStatus.TOO_MANY_REQUESTS) out.headers().set("Retry-After", "60");
            if (!keepAlive) out.headers().set(HttpHeaderNames.CONNECTION, "close");
            this.status = status.code();
            down.writeAndFlush(out).addListener(f -> finish(false));
        }

        private void finish(boolean reuseUpstream) {
            if (finished) return;
            finished = true;
            cancelTimeout();
            if (mode == 1 || status == HttpResponseStatus.BAD_GATEWAY.code()) {
                timer(status).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            releaseUpstream(reuseUpstream);
            // an answer that came before the whole request was read ends the connection: the rest is not a request
            boolean keep = keepAlive && requestRead;
            if (!keep) down.close();
            front.done(this, keep);
        }

        private void releaseUpstream(boolean reuse) {
            if (up == null) return;
            back.exchange = null;
            back.pool.inUse--;
            if (reuse && up.isActive()) {
                up.config().setAutoRead(true);
                back.idleSince = System.nanoTime();
                back.pool.idle.add(up);
            } else {
                up.close();
            }
            up = null;
        }

        /** The client went away. */
        void abandon() {
            if (finished) return;
            finished = true;
            cancelTimeout();
            releasePending();
            releaseUpstream(false);
        }

        private void releasePending() {
            for (HttpContent c; (c = pending.poll()) != null; ) c.release();
        }

        private void cancelTimeout() {
            if (timeout != null) timeout.cancel(false);
        }
    }

    /** A connection to Keycloak: hands the answer to the exchange it serves. */
    static final class Back extends ChannelInboundHandlerAdapter {

        Exchange exchange;
        Pool pool;
        long idleSince;
        /** Keycloak keeps the connection open after this answer. */
        boolean reusable = true;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Exchange e = exchange;
            if (e == null) {
                ReferenceCountUtil.release(msg); // nothing is waiting for it: the connection is not reused
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse response) {
                if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                reusable = HttpUtil.isKeepAlive(response);
                e.response(response);
            }
            if (msg instanceof HttpContent content) e.body(content);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Exchange e = exchange;
            if (e != null) e.fail(new java.io.IOException("Keycloak closed the connection before the answer was complete"));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange e = exchange;
            if (e != null) e.fail(cause);
            ctx.close();
        }
    }
}
