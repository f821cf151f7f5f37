package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.system.PlatformUnderTest.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The organisation of a tenant end to end through GraphQL (T3–T7): more halls, staff with their
 * Keycloak accounts, departments, windows and AB岗, and who may see and change them (T2).
 * Keycloak is not reset between runs: every username made here carries a random suffix.
 */
@ExtendWith(PlatformUnderTest.class)
class OrganisationTest {

    private static final String LIANSHAN = "441825";
    private static final String TAISHAN = "440781";

    static final String STAFF_FIELDS = "id tenantCode username familyName givenName name roles site enabled";
    static final String WINDOW_FIELDS = "id hallId number name kind department { name } categories { code name } "
            + "aHolder { staff { username } assignedBy } bHolder { staff { username } }";
    static final String CREATE_STAFF = "mutation($i: CreateStaffInput!) { createStaff(input: $i) { created activationSecret staff { " + STAFF_FIELDS + " } } }";
    static final String CREATE_WINDOW = "mutation($i: CreateWindowInput!) { createWindow(input: $i) { created window { " + WINDOW_FIELDS + " } } }";
    static final String ASSIGN = "mutation($i: AssignWindowHolderInput!) { assignWindowHolder(input: $i) { window { " + WINDOW_FIELDS + " } } }";
    static final String ADD_HALL = "mutation($i: AddHallInput!) { addHall(input: $i) { hall { id regionCode level name phone openingHours { weekday } } } }";
    static final String STAFF = "query($t: ID!, $first: Int, $after: String) { staff(tenantCode: $t, first: $first, after: $after) "
            + "{ totalCount edges { cursor node { " + STAFF_FIELDS + " } } pageInfo { hasNextPage endCursor } } }";

    private static String admin() { return Tokens.staff("lianshan.admin"); }

    private static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    private static Map<String, Object> newStaff(String login, List<String> roles) {
        Map<String, Object> in = new HashMap<>(Map.of("tenantCode", LIANSHAN, "username", LIANSHAN + "." + login,
                "familyName", "黄", "givenName", "小燕", "roles", roles));
        return in;
    }

    private static JsonNode createStaff(Map<String, Object> input) {
        Api.Response r = Api.graphql(admin(), CREATE_STAFF, Map.of("i", input));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/createStaff/staff");
    }

    private static String mainHallId() {
        return Api.graphql(null, "{ hall(tenantCode: \"441825\") { id } }", Map.of()).data().at("/hall/id").asString();
    }

    private static JsonNode newWindow(String hallId) {
        Map<String, Object> in = Map.of("tenantCode", LIANSHAN, "hallId", hallId, "number", "T" + suffix().substring(0, 4),
                "name", "测试窗口", "kind", "COMPREHENSIVE", "categories", List.of(Map.of("code", "A", "name", "综合受理")));
        Api.Response r = Api.graphql(admin(), CREATE_WINDOW, Map.of("i", in));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/createWindow/window");
    }

    private static Api.Response assign(String token, String windowId, String staffId, String position) {
        return Api.graphql(token, ASSIGN, Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", windowId, "staffId", staffId,
                "position", position)));
    }

    private static String staffId(String username) {
        String after = null;
        while (true) {
            Map<String, Object> vars = new HashMap<>(Map.of("t", LIANSHAN, "first", 100));
            if (after != null) vars.put("after", after);
            JsonNode page = Api.graphql(admin(), STAFF, vars).data().get("staff");
            for (JsonNode e : page.get("edges")) {
                if (e.at("/node/username").asString().equals(username)) return e.at("/node/id").asString();
            }
            if (!page.at("/pageInfo/hasNextPage").asBoolean()) throw new AssertionError("no staff " + username);
            after = page.at("/pageInfo/endCursor").asString();
        }
    }

    private static List<Map<String, Object>> workdays() {
        List<Map<String, Object>> days = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            days.add(Map.of("weekday", d, "periods", List.of(Map.of("opens", "08:30", "closes", "12:00"),
                    Map.of("opens", "14:30", "closes", "17:30"))));
        }
        return days;
    }

    private static int hallCount() {
        return Api.graphql(null, "{ halls(tenantCode: \"441825\") { id } }", Map.of()).data().get("halls").size();
    }

    // ------------------------------------------------------------------ halls (T3)

    @Test
    void centreAdminAddsATownCentre_T3() {
        Map<String, Object> town = new HashMap<>(Map.of("tenantCode", LIANSHAN, "regionCode", "441825105", "name", "太保镇便民服务中心",
                "address", "连山壮族瑶族自治县太保镇", "phone", "0763-6612345", "openingHours", workdays()));
        Api.Response r = Api.graphql(admin(), ADD_HALL, Map.of("i", town));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/addHall/hall/level").asString()).isEqualTo("TOWN");
        assertThat(r.data().at("/addHall/hall/openingHours").size()).isEqualTo(5);

        // the public list shows it, main hall first
        JsonNode halls = Api.graphql(null, "{ halls(tenantCode: \"441825\") { regionCode level } }", Map.of()).data().get("halls");
        assertThat(halls.get(0).get("regionCode").asString()).isEqualTo(LIANSHAN);
        assertThat(halls.findValuesAsString("regionCode")).contains("441825105");
        // the same site again: CONFLICT
        assertThat(Api.graphql(admin(), ADD_HALL, Map.of("i", town)).errorCode()).isEqualTo("CONFLICT");
    }

    /**
     * Issue 6: addHall accepted the invented village code 441825104999. A site's code must be a
     * real division (T1); the division data stops at towns, so a village station (T3) cannot be
     * checked and is refused clearly, and a town code the tree does not know is refused too.
     */
    @Test
    void inventedVillageCodeIsRefused_T3() {
        int before = hallCount();
        Map<String, Object> station = new HashMap<>(Map.of("tenantCode", LIANSHAN, "regionCode", "441825104999", "name", "吉田镇某村便民服务站",
                "address", "连山壮族瑶族自治县吉田镇", "phone", "0763-6612345", "openingHours", workdays()));
        Api.Response village = Api.graphql(admin(), ADD_HALL, Map.of("i", station));
        assertThat(village.errorCode()).as(village.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(village.errorField()).isEqualTo("regionCode");
        assertThat(village.errors().get(0).at("/extensions/rule").asString()).isEqualTo("T3");
        assertThat(village.errors().get(0).get("message").asString()).contains("暂不支持村（社区）级代码");

        // a town code of the right shape under 连山 that is no division (连山's towns are 100–111, 450 and 451)
        station.put("regionCode", "441825199");
        Api.Response town = Api.graphql(admin(), ADD_HALL, Map.of("i", station));
        assertThat(town.errorCode()).as(town.body().toString()).isEqualTo("VALIDATION");
        assertThat(town.errorField()).isEqualTo("regionCode");
        assertThat(town.errors().get(0).at("/extensions/rule").asString()).isEqualTo("T1");

        assertThat(hallCount()).isEqualTo(before);
        JsonNode halls = Api.graphql(null, "{ halls(tenantCode: \"441825\") { regionCode } }", Map.of()).data().get("halls");
        assertThat(halls.findValuesAsString("regionCode")).doesNotContain("441825104999", "441825199");
    }

    @Test
    void addHallValidatesLikeTheMainHallAndChangesNothing_A4() {
        int before = hallCount();
        Map<String, Object> base = Map.of("tenantCode", LIANSHAN, "regionCode", "441825108", "name", "福堂镇便民服务中心",
                "address", "连山壮族瑶族自治县福堂镇", "phone", "12345", "openingHours", workdays());
        Map<String, Map.Entry<String, Object>> cases = Map.of(
                "regionCode", Map.entry("regionCode", "440781100"),        // a town of another tenant
                "phone", Map.entry("phone", "abc"),
                "name", Map.entry("name", "  "),
                "openingHours[0].periods[0].opens", Map.entry("openingHours",
                        List.of(Map.of("weekday", "MONDAY", "periods", List.of(Map.of("opens", "8:30", "closes", "12:00"))))));
        cases.forEach((field, change) -> {
            Map<String, Object> in = new HashMap<>(base);
            in.put(change.getKey(), change.getValue());
            Api.Response r = Api.graphql(admin(), ADD_HALL, Map.of("i", in));
            assertThat(r.errorCode()).as(field).isEqualTo("VALIDATION");
            assertThat(r.errorField()).isEqualTo(field);
        });
        Map<String, Object> county = new HashMap<>(base);
        county.put("regionCode", "441825");   // the county itself has its main hall already; not a site below it
        assertThat(Api.graphql(admin(), ADD_HALL, Map.of("i", county)).errorField()).isEqualTo("regionCode");
        assertThat(hallCount()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ staff (T7)

    @Test
    void createdStaffCanSignInWithTheTenantClaim_T7() {
        String username = LIANSHAN + ".t" + suffix();
        Map<String, Object> in = newStaff(username.substring(7), List.of("clerk", "window_lead"));
        in.put("site", "441825104");
        Api.Response created = Api.graphql(admin(), CREATE_STAFF, Map.of("i", in));
        assertThat(created.errors()).as(created.body().toString()).isNull();
        JsonNode staff = created.data().at("/createStaff/staff");
        String secret = created.data().at("/createStaff/activationSecret").asString();
        assertThat(staff.get("username").asString()).isEqualTo(username);
        assertThat(staff.get("name").asString()).isEqualTo("黄小燕");
        assertThat(staff.get("roles").toString()).isEqualTo("[\"clerk\",\"window_lead\"]");

        // the account in Keycloak: tenant and site attributes (the token claims), the realm roles, a password to set
        JsonNode account = KeycloakAccounts.find(username);
        assertThat(account).isNotNull();
        assertThat(account.at("/attributes/tenant/0").asString()).isEqualTo(LIANSHAN);
        assertThat(account.at("/attributes/site/0").asString()).isEqualTo("441825104");
        assertThat(account.get("lastName").asString()).isEqualTo("黄");
        assertThat(account.get("enabled").asBoolean()).isTrue();
        assertThat(account.get("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(KeycloakAccounts.realmRoles(account.get("id").asString())).contains("clerk", "window_lead")
                .doesNotContain("centre_admin");
        // no shared password: "demo" is refused; the one-time secret is accepted, but the account is not set up yet
        assertThat(KeycloakAccounts.passwordGrant(username, "demo").status()).isEqualTo(401);
        Api.Response grant = KeycloakAccounts.passwordGrant(username, secret);
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.body().get("error_description").asString()).containsIgnoringCase("not fully set up");
        // the person activates it with the secret and their own password; then the token carries the tenant claim
        String password = "Pw-" + UUID.randomUUID();
        assertThat(KeycloakAccounts.activate(username, secret, password)).isEmpty();
        Api.Response me = Api.graphql(Tokens.staff(username, password), "{ me { tenantCode siteCode roles } }", Map.of());
        assertThat(me.data().at("/me/tenantCode").asString()).isEqualTo(LIANSHAN);
        assertThat(me.data().at("/me/siteCode").asString()).isEqualTo("441825104");

        // repeating the call is harmless
        Api.Response again = Api.graphql(admin(), CREATE_STAFF, Map.of("i", in));
        assertThat(again.errors()).isNull();
        assertThat(again.data().at("/createStaff/created").asBoolean()).isFalse();
        assertThat(again.data().at("/createStaff/activationSecret").isNull()).isTrue();
        assertThat(again.data().at("/createStaff/staff/id").asString()).isEqualTo(staff.get("id").asString());
        // the same username with other details is a conflict, not a second person
        in.put("givenName", "大燕");
        assertThat(Api.graphql(admin(), CREATE_STAFF, Map.of("i", in)).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void onlyTenantRolesCanBeGivenAndBadInputChangesNothing_T7() {
        String login = "t" + suffix();
        Map<String, Map.Entry<String, Object>> cases = Map.of(
                "roles", Map.entry("roles", List.of("clerk", "provincial_admin")),
                "username", Map.entry("username", "440781." + login),
                "familyName", Map.entry("familyName", "Wang"),
                "site", Map.entry("site", "440781100"));
        cases.forEach((field, change) -> {
            Map<String, Object> in = newStaff(login, List.of("clerk"));
            in.put(change.getKey(), change.getValue());
            Api.Response r = Api.graphql(admin(), CREATE_STAFF, Map.of("i", in));
            assertThat(r.errorCode()).as(field).isEqualTo("VALIDATION");
            assertThat(r.errorField()).isEqualTo(field);
        });
        Map<String, Object> operator = newStaff(login, List.of("platform_operator"));
        assertThat(Api.graphql(admin(), CREATE_STAFF, Map.of("i", operator)).errorField()).isEqualTo("roles");
        assertThat(KeycloakAccounts.find(LIANSHAN + "." + login)).isNull();
    }

    @Test
    void updatedRolesAndDisablingReachKeycloak_T7() {
        String login = "t" + suffix();
        JsonNode staff = createStaff(newStaff(login, List.of("clerk")));
        String id = staff.get("id").asString();
        Api.Response roles = Api.graphql(admin(), "mutation($i: UpdateStaffRolesInput!) { updateStaffRoles(input: $i) { staff { roles } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "staffId", id, "roles", List.of("approver", "delivery"))));
        assertThat(roles.errors()).as(roles.body().toString()).isNull();
        assertThat(roles.data().at("/updateStaffRoles/staff/roles").toString()).isEqualTo("[\"approver\",\"delivery\"]");
        String accountId = KeycloakAccounts.find(LIANSHAN + "." + login).get("id").asString();
        assertThat(KeycloakAccounts.realmRoles(accountId)).contains("approver", "delivery").doesNotContain("clerk");

        String disable = "mutation($i: DisableStaffInput!) { disableStaff(input: $i) { staff { enabled } } }";
        Map<String, Object> vars = Map.of("i", Map.of("tenantCode", LIANSHAN, "staffId", id));
        assertThat(Api.graphql(admin(), disable, vars).data().at("/disableStaff/staff/enabled").asBoolean()).isFalse();
        assertThat(Api.graphql(admin(), disable, vars).errors()).isNull();   // again: harmless
        assertThat(KeycloakAccounts.find(LIANSHAN + "." + login).get("enabled").asBoolean()).isFalse();
    }

    @Test
    void staffListIsForTheTenantAndItsProvinceOnly_T2() {
        Api.Response own = Api.graphql(Tokens.staff("lianshan.clerk"), STAFF, Map.of("t", LIANSHAN, "first", 2));
        assertThat(own.errors()).as(own.body().toString()).isNull();
        assertThat(own.data().at("/staff/edges").size()).isEqualTo(2);
        assertThat(own.data().at("/staff/totalCount").asInt()).isGreaterThanOrEqualTo(4);
        String cursor = own.data().at("/staff/pageInfo/endCursor").asString();
        JsonNode next = Api.graphql(Tokens.staff("lianshan.clerk"), STAFF, Map.of("t", LIANSHAN, "first", 2, "after", cursor)).data();
        assertThat(next.at("/staff/edges/0/node/username").asString())
                .isGreaterThan(own.data().at("/staff/edges/1/node/username").asString());
        assertThat(Api.graphql(Tokens.staff("gd.admin"), STAFF, Map.of("t", LIANSHAN)).errors()).isNull();
        assertThat(Api.graphql(Tokens.staff("taishan.clerk"), STAFF, Map.of("t", LIANSHAN)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(null, STAFF, Map.of("t", LIANSHAN)).errorCode()).isIn("UNAUTHENTICATED", "FORBIDDEN");
        assertThat(Api.graphql(Tokens.citizen("citizen.li"), STAFF, Map.of("t", LIANSHAN)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(admin(), STAFF, Map.of("t", LIANSHAN, "first", 101)).errorField()).isEqualTo("first");
        assertThat(Api.get(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/staff", Tokens.staff("taishan.clerk")).status())
                .isEqualTo(403);
        assertThat(Api.get(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/windows", null).status()).isEqualTo(401);
    }

    @Test
    void onlyTheTenantsCentreAdminChangesItsOrganisation_T2() {
        Map<String, Object> in = newStaff("t" + suffix(), List.of("clerk"));
        for (String who : List.of("taishan.clerk", "gd.admin", "lianshan.clerk")) {
            assertThat(Api.graphql(Tokens.staff(who), CREATE_STAFF, Map.of("i", in)).errorCode()).as(who).isEqualTo("FORBIDDEN");
            Map<String, Object> window = Map.of("tenantCode", LIANSHAN, "hallId", mainHallId(), "number", "X1", "name", "x",
                    "kind", "COMPREHENSIVE");
            assertThat(Api.graphql(Tokens.staff(who), CREATE_WINDOW, Map.of("i", window)).errorCode()).as(who).isEqualTo("FORBIDDEN");
        }
        // straight to tenant-service with the same tokens: refused there too
        Map<String, Object> body = new HashMap<>(in);
        body.remove("tenantCode");
        for (String who : List.of("taishan.clerk", "gd.admin", "lianshan.clerk")) {
            assertThat(Api.post(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/staff", Tokens.staff(who), body).status())
                    .as(who).isEqualTo(403);
        }
        assertThat(KeycloakAccounts.find(in.get("username").toString())).isNull();
    }

    // ------------------------------------------------------------------ departments (T5) and windows (T4)

    @Test
    void departmentChiefMustBeAnApproverOfTheTenant_T5() {
        String create = "mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { created department { name chiefRepresentative { username } } } }";
        String name = "县测试局" + suffix();
        Api.Response clerkAsChief = Api.graphql(admin(), create, Map.of("i", Map.of("tenantCode", LIANSHAN, "hallId", mainHallId(),
                "name", name, "chiefRepresentativeId", staffId("lianshan.clerk"))));
        assertThat(clerkAsChief.errorCode()).isEqualTo("RULE_VIOLATION");
        Api.Response ok = Api.graphql(admin(), create, Map.of("i", Map.of("tenantCode", LIANSHAN, "hallId", mainHallId(),
                "name", name, "chiefRepresentativeId", staffId("lianshan.approver"))));
        assertThat(ok.errors()).as(ok.body().toString()).isNull();
        assertThat(ok.data().at("/createDepartment/department/chiefRepresentative/username").asString()).isEqualTo("lianshan.approver");
        assertThat(Api.graphql(admin(), create, Map.of("i", Map.of("tenantCode", LIANSHAN, "hallId", mainHallId(),
                "name", name, "chiefRepresentativeId", staffId("lianshan.approver")))).data().at("/createDepartment/created").asBoolean())
                .isFalse();
    }

    @Test
    void windowNumberIsUniquePerHallAndKindMatchesDepartment_T4() {
        JsonNode w = newWindow(mainHallId());
        Map<String, Object> same = new HashMap<>(Map.of("tenantCode", LIANSHAN, "hallId", mainHallId(), "number", w.get("number").asString(),
                "name", "另一个窗口", "kind", "COMPREHENSIVE"));
        Api.Response dup = Api.graphql(admin(), CREATE_WINDOW, Map.of("i", same));
        assertThat(dup.errorCode()).isEqualTo("CONFLICT");
        assertThat(dup.errorField()).isEqualTo("number");
        Map<String, Object> deptWithout = new HashMap<>(same);
        deptWithout.put("number", "D" + suffix().substring(0, 4));
        deptWithout.put("kind", "DEPARTMENT");
        assertThat(Api.graphql(admin(), CREATE_WINDOW, Map.of("i", deptWithout)).errorField()).isEqualTo("departmentId");
        Map<String, Object> badCategory = new HashMap<>(same);
        badCategory.put("number", "C" + suffix().substring(0, 4));
        badCategory.put("categories", List.of(Map.of("code", "a b", "name", "x")));
        assertThat(Api.graphql(admin(), CREATE_WINDOW, Map.of("i", badCategory)).errorField()).isEqualTo("categories[0].code");
        long windows = Api.graphql(admin(), "{ windows(tenantCode: \"441825\") { number } }", Map.of()).data().get("windows")
                .findValuesAsString("number").stream().filter(n -> n.equals(deptWithout.get("number")) || n.equals(badCategory.get("number"))).count();
        assertThat(windows).isZero();
    }

    // ------------------------------------------------------------------ AB岗 (T6)

    @Test
    void windowHasAtMostOneAAndOneBHolder_T6() {
        JsonNode w = newWindow(mainHallId());
        String id = w.get("id").asString();
        JsonNode firstStaff = createStaff(newStaff("t" + suffix(), List.of("clerk")));
        JsonNode secondStaff = createStaff(newStaff("t" + suffix(), List.of("clerk")));
        String first = firstStaff.get("id").asString();
        String second = secondStaff.get("id").asString();

        Api.Response a = assign(admin(), id, first, "A");
        assertThat(a.errors()).as(a.body().toString()).isNull();
        assertThat(assign(admin(), id, first, "A").errors()).isNull();   // again: harmless
        Api.Response secondA = assign(admin(), id, second, "A");
        assertThat(secondA.errorCode()).isEqualTo("CONFLICT");
        assertThat(secondA.errorField()).isEqualTo("position");
        Api.Response sameAsB = assign(admin(), id, first, "B");
        assertThat(sameAsB.errorCode()).isEqualTo("RULE_VIOLATION");
        Api.Response b = assign(admin(), id, second, "B");
        assertThat(b.errors()).isNull();
        JsonNode window = b.data().at("/assignWindowHolder/window");
        assertThat(window.at("/aHolder/staff/username").asString()).isEqualTo(firstStaff.get("username").asString());
        assertThat(window.at("/bHolder/staff/username").asString()).isEqualTo(secondStaff.get("username").asString());
        assertThat(window.at("/aHolder/assignedBy").asString()).isEqualTo("lianshan.admin");

        // freeing the A post lets another person take it
        Api.Response freed = Api.graphql(admin(), "mutation($i: UnassignWindowHolderInput!) { unassignWindowHolder(input: $i) { window { aHolder { position } } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", id, "position", "A")));
        assertThat(freed.data().at("/unassignWindowHolder/window/aHolder").isNull()).isTrue();
    }

    @Test
    void staffOfAnotherTenantCannotBeAssigned_T2() throws Exception {
        // a staff row of 台山, written as 台山 (its own scope) straight into the database
        UUID foreign = UUID.randomUUID();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '" + TAISHAN + "', true), set_config('app.tenant_write', 'on', true)");
            st.execute("insert into staff (id, tenant_id, username, family_name, given_name, roles, created_by) values ('"
                    + foreign + "', '" + TAISHAN + "', '" + TAISHAN + ".t" + suffix() + "', '陈', '测试', 'clerk', 'test')");
            c.commit();
        }
        JsonNode w = newWindow(mainHallId());
        // the service does not see it: VALIDATION on staffId, nothing assigned
        Api.Response r = assign(admin(), w.get("id").asString(), foreign.toString(), "A");
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("staffId");
        // and the database refuses it even when written by hand in 连山's scope
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '" + LIANSHAN + "', true), set_config('app.tenant_write', 'on', true)");
            assertThatThrownBy(() -> st.execute("insert into window_assignment (id, tenant_id, window_id, staff_id, position, assigned_by) "
                    + "values ('" + UUID.randomUUID() + "', '" + LIANSHAN + "', '" + w.get("id").asString() + "', '" + foreign + "', 'A', 'test')"))
                    .isInstanceOf(SQLException.class);
            c.rollback();
            // nor in 台山's scope, where the window is invisible and not 台山's
            st.execute("select set_config('app.tenant_id', '" + TAISHAN + "', true), set_config('app.tenant_write', 'on', true)");
            assertThatThrownBy(() -> st.execute("insert into window_assignment (id, tenant_id, window_id, staff_id, position, assigned_by) "
                    + "values ('" + UUID.randomUUID() + "', '" + TAISHAN + "', '" + w.get("id").asString() + "', '" + foreign + "', 'A', 'test')"))
                    .isInstanceOf(SQLException.class);
            c.rollback();
        }
        assertThat(Api.graphql(admin(), "query($h: ID) { windows(tenantCode: \"441825\", hallId: $h) { id aHolder { position } } }",
                Map.of("h", mainHallId())).data().get("windows").findValues("aHolder").stream()
                .filter(n -> !n.isNull()).count()).isGreaterThanOrEqualTo(1);   // the demo A holder of window 1, not ours
    }

    private static Connection connect() throws SQLException {
        String db = System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
    }

    // ------------------------------------------------------------------ demo data

    @Test
    void demoOrganisationOfLianshanIsLoaded() {
        String token = Tokens.staff("lianshan.clerk");
        JsonNode departments = Api.graphql(token, "{ departments(tenantCode: \"441825\") { name chiefRepresentative { username name } } }",
                Map.of()).data().get("departments");
        JsonNode police = null;
        for (JsonNode d : departments) if (d.get("name").asString().equals("县公安局")) police = d;
        assertThat(police).isNotNull();
        assertThat(police.at("/chiefRepresentative/username").asString()).isEqualTo("lianshan.approver");
        assertThat(police.at("/chiefRepresentative/name").asString()).isEqualTo("莫志强");

        JsonNode windows = Api.graphql(token, "query($h: ID) { windows(tenantCode: \"441825\", hallId: $h) { " + WINDOW_FIELDS + " } }",
                Map.of("h", mainHallId())).data().get("windows");
        JsonNode one = null;
        JsonNode policeWindow = null;
        for (JsonNode w : windows) {
            if (w.get("number").asString().equals("1")) one = w;
            if (w.get("name").asString().equals("公安窗口")) policeWindow = w;
        }
        assertThat(one.get("name").asString()).isEqualTo("综合受理窗口1");
        assertThat(one.at("/aHolder/staff/username").asString()).isEqualTo("lianshan.clerk");
        assertThat(policeWindow.get("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(policeWindow.at("/department/name").asString()).isEqualTo("县公安局");

        JsonNode halls = Api.graphql(null, "{ halls(tenantCode: \"441825\") { name regionCode level } }", Map.of()).data().get("halls");
        assertThat(halls.findValuesAsString("name")).contains("吉田镇便民服务中心");
        assertThat(Api.graphql(token, STAFF, Map.of("t", LIANSHAN, "first", 100)).data().at("/staff/edges").findValuesAsString("site"))
                .contains("441825104");
    }
}
