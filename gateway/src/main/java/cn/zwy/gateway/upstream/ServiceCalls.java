package cn.zwy.gateway.upstream;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.security.InternalHeaders;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * The one filter of every call from the gateway to a service (ADR 0008), whatever contract
 * method made it:
 * <ul>
 *   <li>the URL must name exactly the resource it was built for: a path variable such as ".."
 *       (variables are encoded, but dots need no encoding) would move it to another one, and an
 *       empty one to a shorter path, so such a call is refused before it leaves;</li>
 *   <li>the GraphQL caller's own token is passed on, from the Reactor context the request runs
 *       in (the service validates it again and decides for itself), with the caller's tenant in
 *       {@link InternalHeaders#CALLER_TENANT} for the service's logs;</li>
 *   <li>the service's RFC 9457 problem details come back as {@link ApiException} in the shared
 *       error vocabulary (code, field, rule), so the GraphQL error says what the service said.</li>
 * </ul>
 */
public final class ServiceCalls implements ExchangeFilterFunction {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {};

    private final String serviceName;

    public ServiceCalls(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        try {
            checkPath(request.url());
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return caller().flatMap(jwt -> next.exchange(jwt.map(j -> withCaller(request, j)).orElse(request)))
                .flatMap(response -> response.statusCode().isError()
                        ? toApiException(response).flatMap(Mono::error)
                        : Mono.just(response));
    }

    /** Refuses "." and ".." segments and empty ones (an empty argument) in the URL's path. */
    static void checkPath(URI url) {
        String path = url.getRawPath();
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw ApiException.validation(null, "参数不能是“.”或“..”");
            }
        }
        if (path.contains("//")) throw ApiException.validation(null, "参数不能为空");
    }

    private static Mono<Optional<Jwt>> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(Jwt.class::isInstance).map(Jwt.class::cast)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private static ClientRequest withCaller(ClientRequest request, Jwt caller) {
        return ClientRequest.from(request).headers(h -> {
            h.setBearerAuth(caller.getTokenValue());
            String tenant = caller.getClaimAsString("tenant");
            if (tenant != null) h.set(InternalHeaders.CALLER_TENANT, tenant);
            else h.remove(InternalHeaders.CALLER_TENANT);
        }).build();
    }

    private Mono<Throwable> toApiException(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(PROBLEM).onErrorResume(e -> Mono.empty()).defaultIfEmpty(Map.of()).map(p -> {
            ErrorCode code = parse(p.get("code"), status);
            if (code == null) {
                return new IllegalStateException(serviceName + " answered " + status + ": " + p.get("detail"));
            }
            String detail = p.get("detail") == null ? code.title() : p.get("detail").toString();
            return new ApiException(code, detail, str(p.get("field")), str(p.get("rule")));
        });
    }

    private static ErrorCode parse(Object code, int status) {
        if (code != null) {
            try { return ErrorCode.valueOf(code.toString()); } catch (IllegalArgumentException ignored) { /* fall through */ }
        }
        return ErrorCode.fromStatus(status);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
