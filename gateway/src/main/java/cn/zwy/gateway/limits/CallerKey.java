package cn.zwy.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a limit is counted for: {@code <tenant>:<user>} for staff, {@code citizen:<user>} for
 * citizens, {@code anon:<client address>} when signed out. Keys carry the tenant, as every Redis
 * key of the platform does.
 */
public final class CallerKey {

    private CallerKey() {}

    public static String of(Jwt jwt, InetSocketAddress remote) {
        if (jwt != null) {
            String tenant = jwt.getClaimAsString("tenant");
            return (tenant != null ? tenant : "citizen") + ":" + jwt.getSubject();
        }
        return "anon:" + address(remote);
    }

    static String of(Principal principal, InetSocketAddress remote) {
        return of(principal instanceof JwtAuthenticationToken t ? t.getToken() : null, remote);
    }

    static String address(InetSocketAddress remote) {
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
