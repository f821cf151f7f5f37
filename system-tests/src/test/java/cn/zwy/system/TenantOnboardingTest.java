package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Onboarding a county or town in one call, and offboarding (T2). Each test uses its own region. */
@ExtendWith(PlatformUnderTest.class)
class TenantOnboardingTest {

    private static final String ONBOARD = """
            mutation($code: ID!) { onboardTenant(input: {regionCode: $code}) {
              created adminUsername tenant { code name level status onboardedAt hall { name address phone openingHours { weekday } } } } }""";
    private static final String OFFBOARD = """
            mutation($code: ID!, $reason: String!) { offboardTenant(input: {tenantCode: $code, reason: $reason}) {
              tenant { code status suspensionReason } } }""";

    private static Api.Response onboard(String token, String code) {
        return Api.graphql(token, ONBOARD, Map.of("code", code));
    }

    @Test
    void provincialAdminOnboardsACountyInOneCall_T2() {
        Api.Response r = onboard(Tokens.staff("gd.admin"), "441823");
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode p = r.data().get("onboardTenant");
        assertThat(p.get("created").asBoolean()).isTrue();
        assertThat(p.at("/tenant/name").asString()).isEqualTo("阳山县");
        assertThat(p.at("/tenant/level").asString()).isEqualTo("COUNTY");
        assertThat(p.at("/tenant/status").asString()).isEqualTo("ACTIVE");
        assertThat(p.at("/tenant/hall/name").asString()).isEqualTo("阳山县政务服务中心");
        assertThat(p.at("/tenant/hall/address").asString()).isEqualTo("广东省清远市阳山县");
        assertThat(p.at("/tenant/hall/openingHours").size()).isEqualTo(5);
        // the public region tree now shows it as a tenant
        assertThat(Api.graphql(null, "{ tenant(code: \"441823\") { status } }", Map.of()).data().at("/tenant/status").asString())
                .isEqualTo("ACTIVE");
        // it adopted its province's standard catalog in the same call (S7); in a demo deployment published
        Api.Response items = Api.graphql(null, "{ items(tenantCode: \"441823\", first: 100) { edges { node { name status versionId } } } }", Map.of());
        assertThat(items.errors()).as(items.body().toString()).isNull();
        assertThat(items.data().at("/items/edges").size()).isGreaterThanOrEqualTo(20);
        assertThat(items.data().at("/items/edges/0/node/status").asString()).isEqualTo("PUBLISHED");
        // its staff administrator appears in Keycloak with the tenant attribute and the centre_admin role
        String admin = p.get("adminUsername").asString();
        assertThat(admin).isEqualTo("441823.admin");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode account = KeycloakAccounts.find(admin);
            assertThat(account).isNotNull();
            assertThat(account.at("/attributes/tenant/0").asString()).isEqualTo("441823");
            assertThat(account.get("enabled").asBoolean()).isTrue();
            assertThat(KeycloakAccounts.realmRoles(account.get("id").asString())).contains("centre_admin");
        });
    }

    @Test
    void repeatingTheCallChangesNothing_T2() {
        String token = Tokens.staff("gd.admin");
        JsonNode first = onboard(token, "441826").data().get("onboardTenant");
        JsonNode again = onboard(token, "441826").data().get("onboardTenant");
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(again.at("/tenant/onboardedAt").asString()).isEqualTo(first.at("/tenant/onboardedAt").asString());
    }

    @Test
    void concurrentCallsCreateOneTenant_T2() throws Exception {
        String token = Tokens.staff("gd.admin");
        List<Api.Response> results = HallAccessTest.parallel(5, i -> onboard(token, "441881"));
        assertThat(results).allSatisfy(r -> assertThat(r.errors()).as(r.body().toString()).isNull());
        assertThat(results.stream().filter(r -> r.data().at("/onboardTenant/created").asBoolean()).count()).isEqualTo(1);
        assertThat(results.stream().map(r -> r.data().at("/onboardTenant/tenant/hall/name").asString()).distinct().toList())
                .containsExactly("英德市政务服务中心");
    }

    @Test
    void aTownCanBeItsOwnTenant_T2() {
        JsonNode p = onboard(Tokens.staff("gd.admin"), "441821100").data().get("onboardTenant");
        assertThat(p.at("/tenant/level").asString()).isEqualTo("TOWN");
        assertThat(p.at("/tenant/hall/name").asString()).isEqualTo("石角镇便民服务中心");
    }

    @Test
    void aCityCanBeItsOwnTenant_T2() {
        JsonNode p = onboard(Tokens.staff("gd.admin"), "4417").data().get("onboardTenant");
        assertThat(p.at("/tenant/level").asString()).isEqualTo("CITY");
        assertThat(p.at("/tenant/hall/name").asString()).isEqualTo("阳江市政务服务中心");
        assertThat(p.get("adminUsername").asString()).isEqualTo("4417.admin");
        JsonNode hall = Api.graphql(null, "{ hall(tenantCode: \"4417\") { level name } }", Map.of()).data().get("hall");
        assertThat(hall.get("level").asString()).isEqualTo("CITY");
    }

    @Test
    void onlyCitiesCountiesAndTownsBecomeTenants_T2() {
        Api.Response province = onboard(Tokens.staff("gd.admin"), "44");
        assertThat(province.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(province.errorField()).isEqualTo("regionCode");
        assertThat(province.errors().get(0).at("/extensions/rule").asString()).isEqualTo("T2");
        assertThat(onboard(Tokens.staff("gd.admin"), "449999").errorCode()).isEqualTo("NOT_FOUND");
        assertThat(onboard(Tokens.staff("gd.admin"), "44x").errorCode()).isEqualTo("VALIDATION");
    }

    @Test
    void regionsOutsideTheCallersProvinceAreRefused_T2() {
        assertThat(onboard(Tokens.staff("gd.admin"), "411522").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(onboard(Tokens.staff("lianshan.admin"), "441821").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(null, "{ tenant(code: \"411522\") { code } }", Map.of()).data().get("tenant").isNull()).isTrue();
    }

    @Test
    void platformOperatorOnboardsAnywhere() {
        Api.Response r = onboard(Tokens.staff("platform.operator"), "411523");
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/onboardTenant/tenant/name").asString()).isEqualTo("新县");
    }

    @Test
    void offboardingSuspendsKeepsDataAndDisablesStaff_T2() {
        String token = Tokens.staff("gd.admin");
        onboard(token, "440783");
        await().atMost(Duration.ofSeconds(20)).until(() -> KeycloakAccounts.find("440783.admin") != null);

        Api.Response missingReason = Api.graphql(token, OFFBOARD, Map.of("code", "440783", "reason", " "));
        assertThat(missingReason.errorCode()).isEqualTo("VALIDATION");
        assertThat(missingReason.errorField()).isEqualTo("reason");

        Api.Response r = Api.graphql(token, OFFBOARD, Map.of("code", "440783", "reason", "机构调整，暂停使用"));
        assertThat(r.data().at("/offboardTenant/tenant/status").asString()).isEqualTo("SUSPENDED");
        // the data stays: its hall is still there
        assertThat(Halls.hall("440783").get("name").asString()).isEqualTo("开平市政务服务中心");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(KeycloakAccounts.find("440783.admin").get("enabled").asBoolean()).isFalse());

        // onboarding it again brings it back, staff enabled
        JsonNode back = onboard(token, "440783").data().get("onboardTenant");
        assertThat(back.at("/tenant/status").asString()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(KeycloakAccounts.find("440783.admin").get("enabled").asBoolean()).isTrue());
    }
}
