package cn.zwy.gateway.identity;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import org.springframework.security.oauth2.jwt.Jwt;

/** The GraphQL caller, from the validated token; UNAUTHENTICATED when there is none. */
public final class Callers {

    private Callers() {}

    public static Caller require(Jwt jwt) {
        if (jwt == null) throw ApiException.unauthenticated();
        return Caller.of(jwt);
    }
}
