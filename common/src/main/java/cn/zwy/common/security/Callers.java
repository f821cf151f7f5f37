package cn.zwy.common.security;

import cn.zwy.common.error.ApiException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller of the current servlet request, from the validated token. */
public final class Callers {

    private Callers() {}

    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) return Optional.of(Caller.of(jwt));
        return Optional.empty();
    }

    public static Caller require() {
        return current().orElseThrow(ApiException::unauthenticated);
    }
}
