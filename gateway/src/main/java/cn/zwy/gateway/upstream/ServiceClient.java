package cn.zwy.gateway.upstream;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.security.InternalHeaders;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * Calls one internal service on behalf of the GraphQL caller: the caller's own token is passed
 * on (the service validates it again and decides for itself), and the service's RFC 9457
 * problem details come back as {@link ApiException} in the shared error vocabulary.
 */
public class ServiceClient {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {};

    private final WebClient web;
    private final String serviceName;

    public ServiceClient(WebClient web, String serviceName) {
        this.web = web;
        this.serviceName = serviceName;
    }

    public <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type, Jwt caller) {
        return exchange(web.get().uri(checked(uri)), caller).bodyToMono(type);
    }

    public <T> Mono<T> get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type, Jwt caller) {
        return exchange(web.get().uri(checked(uri)), caller).bodyToMono(type);
    }

    public <T> Mono<T> post(Function<UriBuilder, URI> uri, Object body, Class<T> type, Jwt caller) {
        return exchange(web.post().uri(checked(uri)).bodyValue(body), caller).bodyToMono(type);
    }

    public <T> Mono<T> patch(Function<UriBuilder, URI> uri, Object body, Class<T> type, Jwt caller) {
        return exchange(web.patch().uri(checked(uri)).bodyValue(body), caller).bodyToMono(type);
    }

    public <T> Mono<T> put(Function<UriBuilder, URI> uri, Object body, Class<T> type, Jwt caller) {
        return exchange(web.put().uri(checked(uri)).bodyValue(body), caller).bodyToMono(type);
    }

    public <T> Mono<T> delete(Function<UriBuilder, URI> uri, Class<T> type, Jwt caller) {
        return exchange(web.delete().uri(checked(uri)), caller).bodyToMono(type);
    }

    /**
     * A service URL must name exactly the resource it was built for: an argument such as ".."
     * (path variables are encoded, but dots need no encoding) would move it to another one, so
     * such a URL is refused here, whatever resolver built it.
     */
    private static Function<UriBuilder, URI> checked(Function<UriBuilder, URI> uri) {
        return b -> {
            URI built = uri.apply(b);
            String path = built.getRawPath();
            for (String segment : path.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    throw ApiException.validation(null, "参数不能是“.”或“..”");
                }
            }
            if (path.contains("//")) throw ApiException.validation(null, "参数不能为空");
            return built;
        };
    }

    private WebClient.ResponseSpec exchange(WebClient.RequestHeadersSpec<?> spec, Jwt caller) {
        if (caller != null) {
            spec = spec.headers(h -> {
                h.setBearerAuth(caller.getTokenValue());
                String tenant = caller.getClaimAsString("tenant");
                if (tenant != null) h.set(InternalHeaders.CALLER_TENANT, tenant);
            });
        }
        return spec.retrieve().onStatus(HttpStatusCode::isError, this::toApiException);
    }

    private Mono<? extends Throwable> toApiException(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(PROBLEM).defaultIfEmpty(Map.of()).map(p -> {
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
