package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Replays of the account findings of issue 6 against the real Keycloak and services: account
 * takeover through a shared initial password, reactivation re-enabling staff disabled on purpose,
 * a disabled person's token still working, brute-force protection and lockout, and the T7 drift
 * between Keycloak accounts and staff records. Each test onboards its own region.
 */
@ExtendWith(PlatformUnderTest.class)
class AccountSecurityTest {

    private static final String LIANSHAN = "441825";
    private static final String ONBOARD = "mutation($code: ID!) { onboardTenant(input: {regionCode: $code}) { created adminUsername } }";
    private static final String OFFBOARD = "mutation($code: ID!) { offboardTenant(input: {tenantCode: $code, reason: \"安全测试\"}) { tenant { status } } }";
    private static final String INVITE = "mutation($t: ID!, $u: String!) { issueStaffInvitation(input: {tenantCode: $t, username: $u}) "
            + "{ activationSecret staff { username enabled } } }";
    private static final String CREATE_STAFF = "mutation($i: CreateStaffInput!) { createStaff(input: $i) { created activationSecret staff { id username } } }";
    private static final String DISABLE = "mutation($t: ID!, $id: ID!) { disableStaff(input: {tenantCode: $t, staffId: $id}) { staff { enabled } } }";
    private static final String STAFF = "query($t: ID!) { staff(tenantCode: $t, first: 100) { totalCount edges { node { username name roles enabled } } } }";
    private static final String RECONCILE = "mutation { reconcileStaff { checkedAccounts createdRecords disabledAccounts "
            + "recordsWithoutAccount accountsOfUnknownTenants } }";

    private static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    private static String newPassword() {
        return "Pw-" + UUID.randomUUID();
    }

    /** Onboards the region as the province's administrator and waits for its administrator account. */
    private static String onboardAndAwaitAdmin(String code) {
        Api.Response r = Api.graphql(Tokens.staff("gd.admin"), ONBOARD, Map.of("code", code));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        String admin = r.data().at("/onboardTenant/adminUsername").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> KeycloakAccounts.find(admin) != null
                && KeycloakAccounts.realmRoles(KeycloakAccounts.find(admin).get("id").asString()).contains("centre_admin"));
        return admin;
    }

    /** Issues the administrator's invitation as the province's administrator and activates the account; its token. */
    static String activatedAdmin(String code) {
        String admin = onboardAndAwaitAdmin(code);
        Api.Response invitation = Api.graphql(Tokens.staff("gd.admin"), INVITE, Map.of("t", code, "u", admin));
        assertThat(invitation.errors()).as(invitation.body().toString()).isNull();
        String password = newPassword();
        assertThat(KeycloakAccounts.activate(admin, invitation.data().at("/issueStaffInvitation/activationSecret").asString(), password))
                .isEmpty();
        return Tokens.staff(admin, password);
    }

    private static JsonNode createStaff(String token, String tenant, String login, List<String> roles) {
        Map<String, Object> in = new HashMap<>(Map.of("tenantCode", tenant, "username", tenant + "." + login,
                "familyName", "赵", "givenName", "测试", "roles", roles));
        Api.Response r = Api.graphql(token, CREATE_STAFF, Map.of("i", in));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("createStaff");
    }

    /** A person's own token: the account activated with its one-time secret and a password of its own. */
    private static String activatedToken(JsonNode created) {
        String username = created.at("/staff/username").asString();
        String password = newPassword();
        assertThat(KeycloakAccounts.activate(username, created.get("activationSecret").asString(), password)).isEmpty();
        return Tokens.staff(username, password);
    }

    /**
     * A password grant expected to fail. Keycloak locks an account for a minute when two failures
     * come less than a second apart (quick-login check of its brute-force protection), so the
     * tests leave a second between failures on purpose.
     */
    private static int wrongGrant(String username, String password) {
        pause();
        return KeycloakAccounts.passwordGrant(username, password).status();
    }

    private static void pause() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean enabledInKeycloak(String username) {
        return KeycloakAccounts.find(username).get("enabled").asBoolean();
    }

    // ------------------------------------------------------------------ 1. account takeover

    @Test
    void newStaffAccountIsActivatedOnlyByItsOneTimeSecret() {
        String username = LIANSHAN + ".s" + suffix();
        JsonNode created = createStaff(Tokens.staff("lianshan.admin"), LIANSHAN, username.substring(7), List.of("clerk"));
        String secret = created.get("activationSecret").asString();
        // random, long, never the shared demo password
        assertThat(secret).hasSizeGreaterThanOrEqualTo(28).isNotEqualTo("demo");
        assertThat(wrongGrant(username, "demo")).isEqualTo(401);

        // a lost secret: the centre administrator issues a new one and the old one stops working
        Api.Response again = Api.graphql(Tokens.staff("lianshan.admin"), INVITE, Map.of("t", LIANSHAN, "u", username));
        assertThat(again.errors()).as(again.body().toString()).isNull();
        String second = again.data().at("/issueStaffInvitation/activationSecret").asString();
        assertThat(second).isNotEqualTo(secret);
        assertThat(wrongGrant(username, secret)).isEqualTo(401);
        pause();
        assertThat(KeycloakAccounts.activate(username, secret, newPassword())).isPresent();
        pause();

        // the person activates with the new secret and their own password; the secret is worthless afterwards
        String password = newPassword();
        assertThat(KeycloakAccounts.activate(username, second, password)).isEmpty();
        assertThat(KeycloakAccounts.passwordGrant(username, password).status()).isEqualTo(200);
        assertThat(wrongGrant(username, second)).isEqualTo(401);

        // nobody else issues invitations for 连山's staff
        for (String who : List.of("lianshan.clerk", "taishan.clerk", "gd.admin")) {
            assertThat(Api.graphql(Tokens.staff(who), INVITE, Map.of("t", LIANSHAN, "u", username)).errorCode()).as(who)
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(Api.graphql(Tokens.citizen("citizen.li"), INVITE, Map.of("t", LIANSHAN, "u", username)).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(null, INVITE, Map.of("t", LIANSHAN, "u", username)).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(KeycloakAccounts.passwordGrant(username, password).status()).isEqualTo(200);
    }

    @Test
    void onboardedAdministratorHasNoPasswordUntilTheOnboardingCallerIssuesOne() {
        String code = "440902";
        String admin = onboardAndAwaitAdmin(code);
        JsonNode account = KeycloakAccounts.find(admin);
        // no credential at all: the predictable username cannot be taken over by whoever signs in first
        assertThat(KeycloakAccounts.credentialTypes(account.get("id").asString())).isEmpty();
        assertThat(KeycloakAccounts.passwordGrant(admin, "demo").status()).isEqualTo(401);

        // the onboarding side only (province of the region, platform operator); another province's
        // administrator, another tenant's centre administrator and anonymous callers are refused
        assertThat(Api.graphql(Tokens.staff("lianshan.admin"), INVITE, Map.of("t", code, "u", admin)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(null, INVITE, Map.of("t", code, "u", admin)).errorCode()).isEqualTo("UNAUTHENTICATED");
        // a province's administrator invites the tenant's administrator, nobody else of the tenant
        assertThat(Api.graphql(Tokens.staff("gd.admin"), INVITE, Map.of("t", LIANSHAN, "u", "lianshan.clerk")).errorCode())
                .isEqualTo("FORBIDDEN");

        Api.Response invitation = Api.graphql(Tokens.staff("platform.operator"), INVITE, Map.of("t", code, "u", admin));
        assertThat(invitation.errors()).as(invitation.body().toString()).isNull();
        String password = newPassword();
        assertThat(KeycloakAccounts.activate(admin, invitation.data().at("/issueStaffInvitation/activationSecret").asString(), password))
                .isEmpty();
        Api.Response me = Api.graphql(Tokens.staff(admin, password), "{ me { tenantCode roles } }", Map.of());
        assertThat(me.data().at("/me/tenantCode").asString()).isEqualTo(code);
        assertThat(me.data().at("/me/roles").toString()).contains("centre_admin");
    }

    // ------------------------------------------------------------------ 2. reactivation

    @Test
    void reactivationKeepsDisabledStaffDisabled() {
        String code = "440904";
        String admin = activatedAdmin(code);
        JsonNode kept = createStaff(admin, code, "k" + suffix(), List.of("clerk")).get("staff");
        JsonNode dismissed = createStaff(admin, code, "d" + suffix(), List.of("clerk")).get("staff");
        Api.Response disabled = Api.graphql(admin, DISABLE, Map.of("t", code, "id", dismissed.get("id").asString()));
        assertThat(disabled.errors()).as(disabled.body().toString()).isNull();

        assertThat(Api.graphql(Tokens.staff("gd.admin"), OFFBOARD, Map.of("code", code)).errors()).isNull();
        String adminUsername = code + ".admin";
        await().atMost(Duration.ofSeconds(30)).until(() -> !enabledInKeycloak(adminUsername)
                && !enabledInKeycloak(kept.get("username").asString()));

        assertThat(Api.graphql(Tokens.staff("gd.admin"), ONBOARD, Map.of("code", code)).errors()).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> enabledInKeycloak(adminUsername)
                && enabledInKeycloak(kept.get("username").asString()));
        // the same pass decided about the dismissed clerk: still disabled, in Keycloak and in the record
        assertThat(enabledInKeycloak(dismissed.get("username").asString())).isFalse();
        JsonNode staff = Api.graphql(Tokens.staff("gd.admin"), STAFF, Map.of("t", code)).data().at("/staff/edges");
        for (JsonNode e : staff) {
            if (e.at("/node/username").asString().equals(dismissed.get("username").asString())) {
                assertThat(e.at("/node/enabled").asBoolean()).isFalse();
            }
        }
    }

    // ------------------------------------------------------------------ 3. revocation

    @Test
    void disabledStaffTokenIsRefusedAtOnce() {
        JsonNode created = createStaff(Tokens.staff("lianshan.admin"), LIANSHAN, "r" + suffix(), List.of("clerk"));
        String token = activatedToken(created);
        String me = "{ me { username } }";
        assertThat(Api.graphql(token, me, Map.of()).errors()).isNull();

        Api.Response disabled = Api.graphql(Tokens.staff("lianshan.admin"), DISABLE,
                Map.of("t", LIANSHAN, "id", created.at("/staff/id").asString()));
        assertThat(disabled.errors()).as(disabled.body().toString()).isNull();
        // the very next request with the still unexpired token: refused, in the GraphQL error format
        Api.Response after = Api.graphql(token, me, Map.of());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("UNAUTHENTICATED");
        // other staff are not affected
        assertThat(Api.graphql(Tokens.staff("lianshan.clerk"), me, Map.of()).errors()).isNull();
    }

    @Test
    void suspendedTenantsStaffTokensAreRefused() {
        String code = "440982";
        String admin = activatedAdmin(code);
        assertThat(Api.graphql(admin, "{ me { tenantCode } }", Map.of()).errors()).isNull();
        assertThat(Api.graphql(Tokens.staff("gd.admin"), OFFBOARD, Map.of("code", code)).errors()).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.graphql(admin, "{ me { tenantCode } }", Map.of()).status() == 401);
    }

    @Test
    void staffAccessTokensLiveFiveMinutes() {
        JsonNode grant = KeycloakAccounts.passwordGrant("lianshan.clerk", "demo").body();
        assertThat(grant.get("expires_in").asInt()).isLessThanOrEqualTo(300);
    }

    // ------------------------------------------------------------------ 4. brute force

    @Test
    void bruteForceProtectionIsOnInEveryRealm() {
        for (String realm : List.of("citizen", "staff", "master")) {
            JsonNode r = KeycloakAccounts.adminGet(realm);
            assertThat(r.get("bruteForceProtected").asBoolean()).as(realm).isTrue();
            // temporary lockout with backoff, bounded: an attacker cannot lock the owner out for good
            assertThat(r.get("permanentLockout").asBoolean()).as(realm).isFalse();
            assertThat(r.get("failureFactor").asInt()).as(realm).isBetween(3, 10);
            assertThat(r.get("maxFailureWaitSeconds").asInt()).as(realm).isBetween(60, 900);
            assertThat(r.get("waitIncrementSeconds").asInt()).as(realm).isPositive();
        }
    }

    @Test
    void wrongPasswordsLockAnAccountOnlyForAWhile() throws InterruptedException {
        // an account of its own (no tenant), so that no demo account is locked in the shared Keycloak
        String username = "lockout-probe-" + suffix();
        String password = newPassword();
        String id = KeycloakAccounts.createPlainAccount(username, password);
        try {
            assertThat(KeycloakAccounts.passwordGrant(username, password).status()).isEqualTo(200);
            int failureFactor = KeycloakAccounts.adminGet("staff").get("failureFactor").asInt();
            for (int i = 0; i < failureFactor; i++) {
                assertThat(KeycloakAccounts.passwordGrant(username, "wrong-" + i).status()).isEqualTo(401);
                Thread.sleep(1100);   // slower than the quick-login check: the backoff itself is measured
            }
            JsonNode state = KeycloakAccounts.adminGet("staff/attack-detection/brute-force/users/" + id);
            assertThat(state.get("disabled").asBoolean()).isTrue();
            // the right password does not help while locked
            assertThat(KeycloakAccounts.passwordGrant(username, password).status()).isEqualTo(401);
            long lockedFor = state.get("failedLoginNotBefore").asLong() - state.get("lastFailure").asLong() / 1000;
            assertThat(lockedFor).isBetween(1L, 900L);
            // and it ends by itself
            Instant unlocked = Instant.ofEpochSecond(state.get("failedLoginNotBefore").asLong());
            await().atMost(Duration.ofSeconds(lockedFor + 30)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> Instant.now().isAfter(unlocked.plusSeconds(1))
                            && !KeycloakAccounts.adminGet("staff/attack-detection/brute-force/users/" + id).get("disabled").asBoolean());
            assertThat(KeycloakAccounts.passwordGrant(username, password).status()).isEqualTo(200);
        } finally {
            KeycloakAccounts.delete(id);
        }
    }

    // ------------------------------------------------------------------ 5. T7 drift

    @Test
    void everyAccountWithATenantHasItsStaffRecord_T7() {
        // the demo clerks of 台山 and 罗山: their tenant's staff list shows them
        for (String[] clerk : List.of(new String[] {"taishan.clerk", "440781", "陈嘉欣"}, new String[] {"luoshan.clerk", "411521", "王红梅"})) {
            JsonNode staff = Api.graphql(Tokens.staff(clerk[0]), STAFF, Map.of("t", clerk[1])).data().at("/staff/edges");
            assertThat(staff.findValuesAsString("username")).as(clerk[0]).contains(clerk[0]);
            assertThat(staff.findValuesAsString("name")).as(clerk[0]).contains(clerk[2]);
        }
        // an onboarded tenant's administrator has a record from the onboarding call itself
        String code = "440983";
        Api.Response r = Api.graphql(Tokens.staff("gd.admin"), ONBOARD, Map.of("code", code));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode staff = Api.graphql(Tokens.staff("gd.admin"), STAFF, Map.of("t", code)).data().get("staff");
        assertThat(staff.get("totalCount").asInt()).isEqualTo(1);
        assertThat(staff.at("/edges/0/node/username").asString()).isEqualTo(code + ".admin");
        assertThat(staff.at("/edges/0/node/roles").toString()).isEqualTo("[\"centre_admin\"]");
        // and every account of the demo tenants has one: nothing left for the reconciliation to create there
        JsonNode report = Api.graphql(Tokens.staff("platform.operator"), RECONCILE, Map.of()).data().get("reconcileStaff");
        List<String> created = new java.util.ArrayList<>();
        report.get("createdRecords").forEach(n -> created.add(n.asString()));
        assertThat(created).doesNotContain("lianshan.admin", "lianshan.clerk", "lianshan.guide", "lianshan.approver", "jitian.agent", "taishan.clerk",
                "luoshan.clerk");
    }

    @Test
    void reconciliationRepairsDrift_T7() throws SQLException {
        // drift 1: a demo account whose record is lost
        execute("411521", "delete from staff where username = 'luoshan.clerk'");
        assertThat(Api.graphql(Tokens.staff("luoshan.clerk"), STAFF, Map.of("t", "411521")).data().at("/staff/edges")
                .findValuesAsString("username")).doesNotContain("luoshan.clerk");
        // drift 2: a record disabled while its account stayed enabled (and its token works)
        JsonNode created = createStaff(Tokens.staff("lianshan.admin"), LIANSHAN, "x" + suffix(), List.of("clerk"));
        String username = created.at("/staff/username").asString();
        String token = activatedToken(created);
        execute(LIANSHAN, "update staff set enabled = false where username = '" + username + "'");
        assertThat(enabledInKeycloak(username)).isTrue();

        // only the platform operator runs it
        for (String who : List.of("gd.admin", "lianshan.admin")) {
            assertThat(Api.graphql(Tokens.staff(who), RECONCILE, Map.of()).errorCode()).as(who).isEqualTo("FORBIDDEN");
        }
        assertThat(Api.graphql(null, RECONCILE, Map.of()).errorCode()).isEqualTo("UNAUTHENTICATED");

        Api.Response r = Api.graphql(Tokens.staff("platform.operator"), RECONCILE, Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode report = r.data().get("reconcileStaff");
        assertThat(report.get("checkedAccounts").asInt()).isPositive();
        assertThat(report.get("createdRecords").toString()).contains("\"luoshan.clerk\"");
        assertThat(report.get("disabledAccounts").toString()).contains("\"" + username + "\"");

        // repaired: the record is back from the account's names and roles; the account is disabled, its token refused
        JsonNode luoshan = Api.graphql(Tokens.staff("luoshan.clerk"), STAFF, Map.of("t", "411521")).data().at("/staff/edges");
        JsonNode row = null;
        for (JsonNode e : luoshan) if (e.at("/node/username").asString().equals("luoshan.clerk")) row = e.get("node");
        assertThat(row).isNotNull();
        assertThat(row.get("name").asString()).isEqualTo("王红梅");
        assertThat(row.get("roles").toString()).isEqualTo("[\"clerk\"]");
        assertThat(enabledInKeycloak(username)).isFalse();
        assertThat(Api.graphql(token, "{ me { username } }", Map.of()).status()).isEqualTo(401);

        // a second run finds nothing more to do for them
        JsonNode again = Api.graphql(Tokens.staff("platform.operator"), RECONCILE, Map.of()).data().get("reconcileStaff");
        assertThat(again.get("createdRecords").toString()).doesNotContain("\"luoshan.clerk\"");
        assertThat(again.get("disabledAccounts").toString()).doesNotContain("\"" + username + "\"");
    }

    /** A statement in the tenant's scope, straight into the run's database (as the services' own role, under RLS). */
    private static void execute(String tenant, String sql) throws SQLException {
        try (Connection c = TenantDb.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '" + tenant + "', true), set_config('app.tenant_write', 'on', true)");
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
            c.commit();
        }
    }
}
