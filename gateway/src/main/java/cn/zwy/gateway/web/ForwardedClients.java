package cn.zwy.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * The client's address behind the ingress. A request that comes from one of the configured trusted
 * proxies ({@code zwy.gateway.trusted-proxies}: addresses or CIDR ranges, none by default) is counted
 * for the right-most address of its {@code X-Forwarded-For} that is not itself a trusted proxy — the
 * client the outermost trusted proxy saw; what a client writes into the header itself stands to the
 * left of that and is never believed. From anyone else the header is ignored. Applied once, to the
 * connection information of the Netty server, so every caller key (rate limits, sign-in limits,
 * WebSocket caps) and every route — WebFlux and the Netty fast paths alike — sees the same address.
 */
@Component
public class ForwardedClients implements NettyServerCustomizer {

    private final List<Range> trusted;

    public ForwardedClients(@Value("${zwy.gateway.trusted-proxies:}") List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String p : trustedProxies) if (!p.isBlank()) ranges.add(Range.parse(p.trim()));
        this.trusted = List.copyOf(ranges);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        if (trusted.isEmpty()) return server;
        return server.forwarded((info, request) -> {
            InetSocketAddress client = client(info.getRemoteAddress(), request.headers().get("X-Forwarded-For"));
            return client == info.getRemoteAddress() ? info : info.withRemoteAddress(client);
        });
    }

    /** The address a request is counted for: the peer, or the forwarded client when the peer is a trusted proxy. */
    public InetSocketAddress client(InetSocketAddress peer, String forwardedFor) {
        if (peer == null || peer.getAddress() == null || !isTrusted(peer.getAddress()) || forwardedFor == null) return peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].trim());
            if (hop == null) return peer;   // a malformed hop: believe nothing further left
            if (!isTrusted(hop)) return new InetSocketAddress(hop, peer.getPort());
        }
        return peer;
    }

    private boolean isTrusted(InetAddress a) {
        for (Range r : trusted) if (r.contains(a)) return true;
        return false;
    }

    /** An IP literal (never a host name: nothing here resolves names from a header). */
    private static InetAddress literal(String s) {
        String bare = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        try {
            if (IPV4.matcher(bare).matches()) {
                String[] parts = bare.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) return null;
                    b[i] = (byte) v;
                }
                return InetAddress.getByAddress(b);
            }
            // an IPv6 literal (it has a colon, so the JDK parses it and never asks DNS)
            return bare.contains(":") && IPV6.matcher(bare).matches() ? InetAddress.getByName(bare) : null;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+");

    record Range(byte[] network, int prefix) {
        static Range parse(String s) {
            int slash = s.indexOf('/');
            InetAddress a = literal(slash < 0 ? s : s.substring(0, slash));
            if (a == null) throw new IllegalArgumentException("zwy.gateway.trusted-proxies: not an address or CIDR range: " + s);
            int bits = a.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("zwy.gateway.trusted-proxies: bad prefix length: " + s);
            return new Range(a.getAddress(), prefix);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) if (b[i] != network[i]) return false;
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }

}
