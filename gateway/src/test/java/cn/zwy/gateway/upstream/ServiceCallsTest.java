package cn.zwy.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.security.InternalHeaders;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/** The one filter of the gateway's service calls, on requests that never leave the JVM. */
class ServiceCallsTest {

    private final ServiceCalls filter = new ServiceCalls("tenant-service");
    private final AtomicReference<ClientRequest> sent = new AtomicReference<>();

    private ExchangeFunction answering(ClientResponse response) {
        return request -> {
            sent.set(request);
            return Mono.just(response);
        };
    }

    private static ClientRequest get(String url) {
        return ClientRequest.create(HttpMethod.GET, URI.create(url)).build();
    }

    private static Jwt staff(String tenant) {
        return Jwt.withTokenValue("the-callers-token").header("alg", "RS256").issuer("http://kc/realms/staff").subject("u1")
                .claim("tenant", tenant).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    @Test
    void dotDotSegmentNeverLeavesTheGateway() {
        Mono<ClientResponse> r = filter.filter(get("http://t/api/tenants/../staff/reconcile"), answering(ClientResponse.create(HttpStatus.OK).build()));
        assertThatThrownBy(r::block).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.VALIDATION));
        assertThat(sent.get()).isNull();
    }

    @Test
    void emptySegmentNeverLeavesTheGateway() {
        Mono<ClientResponse> r = filter.filter(get("http://t/api/tenants//hall"), answering(ClientResponse.create(HttpStatus.OK).build()));
        assertThatThrownBy(r::block).isInstanceOf(ApiException.class);
        assertThat(sent.get()).isNull();
    }

    @Test
    void theCallersOwnTokenAndTenantAreSent() {
        filter.filter(get("http://t/api/tenants/441825/hall-changes"), answering(ClientResponse.create(HttpStatus.OK).build()))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new JwtAuthenticationToken(staff("441825"))))
                .block();
        assertThat(sent.get().headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer the-callers-token");
        assertThat(sent.get().headers().getFirst(InternalHeaders.CALLER_TENANT)).isEqualTo("441825");
    }

    @Test
    void anAnonymousCallCarriesNoToken() {
        filter.filter(get("http://t/api/tenants/441825/hall"), answering(ClientResponse.create(HttpStatus.OK).build())).block();
        assertThat(sent.get().headers().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(sent.get().headers().containsHeader(InternalHeaders.CALLER_TENANT)).isFalse();
    }

    @Test
    void problemDetailsBecomeTheSameApiException() {
        ClientResponse problem = ClientResponse.create(HttpStatus.UNPROCESSABLE_CONTENT)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .body("{\"code\":\"RULE_VIOLATION\",\"detail\":\"承诺时限不能超过法定时限\",\"field\":\"guide.promisedLimit\",\"rule\":\"S5\"}")
                .build();
        Mono<ClientResponse> r = filter.filter(get("http://t/api/tenants/441825/items"), answering(problem));
        assertThatThrownBy(r::block).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RULE_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("承诺时限不能超过法定时限");
            assertThat(e.field()).isEqualTo("guide.promisedLimit");
            assertThat(e.rule()).isEqualTo("S5");
        });
    }

    @Test
    void anErrorWithoutProblemDetailsIsNamedByItsStatus() {
        Mono<ClientResponse> r = filter.filter(get("http://t/api/regions/99"), answering(ClientResponse.create(HttpStatus.NOT_FOUND).build()));
        assertThatThrownBy(r::block).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
