package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PlatformUnderTest.class)
class IdentityTest {

    private static final String ME = "{ me { realm username displayName roles tenantCode siteCode tenant { code name } } }";

    @Test
    void meWithoutTokenIsUnauthenticated() {
        Api.Response r = Api.graphql(null, ME, Map.of());
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.data().isNull()).isTrue();
    }

    @Test
    void citizenTokenWorksAndCarriesNoTenant_T2() {
        Api.Response r = Api.graphql(Tokens.citizen("citizen.zhang"), ME, Map.of());
        assertThat(r.errors()).isNull();
        assertThat(r.data().at("/me/realm").asString()).isEqualTo("CITIZEN");
        assertThat(r.data().at("/me/username").asString()).isEqualTo("citizen.zhang");
        assertThat(r.data().at("/me/displayName").asString()).contains("张");
        assertThat(r.data().at("/me/tenantCode").isNull()).isTrue();
    }

    @Test
    void staffTokenCarriesTenantAndRoles_T7() {
        Api.Response r = Api.graphql(Tokens.staff("lianshan.clerk"), ME, Map.of());
        assertThat(r.errors()).isNull();
        assertThat(r.data().at("/me/realm").asString()).isEqualTo("STAFF");
        assertThat(r.data().at("/me/tenantCode").asString()).isEqualTo("441825");
        assertThat(r.data().at("/me/tenant/name").asString()).isEqualTo("连山壮族瑶族自治县");
        assertThat(r.data().at("/me/roles").toString()).contains("clerk").doesNotContain("default-roles");
    }

    @Test
    void townAgentCarriesItsSite_T3() {
        Api.Response r = Api.graphql(Tokens.staff("jitian.agent"), ME, Map.of());
        assertThat(r.data().at("/me/tenantCode").asString()).isEqualTo("441825");
        assertThat(r.data().at("/me/siteCode").asString()).isEqualTo("441825104");
        assertThat(r.data().at("/me/roles").toString()).contains("agent");
    }

    @Test
    void tokenOfTheRightRealmForAnotherAudienceIsRefused() throws Exception {
        // a real, valid staff-realm token issued to tenant-service's service account (audience: Keycloak's admin API)
        var http = java.net.http.HttpClient.newHttpClient();
        String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Tokens.KEYCLOAK
                                + "/realms/staff/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id=tenant-service&client_secret=tenant-service-demo-secret")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = Api.JSON.readTree(body).get("access_token").asString();
        assertThat(Api.graphql(token, ME, Map.of()).status()).isEqualTo(401);
        assertThat(Api.get(PlatformUnderTest.Service.TENANT.url() + "/api/tenants/441825/hall-changes", token).status()).isEqualTo(401);
    }

    @Test
    void forgedTokenIsRefused() {
        Api.Response r = Api.graphql("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", ME, Map.of());
        assertThat(r.status()).isEqualTo(401);
    }
}
