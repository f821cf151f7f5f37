package cn.zwy.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * Reads the staff realm's accounts as tenant-service's service account does (local demo secret);
 * activates an account as its person would (Keycloak's sign-in pages); reads realm settings as
 * Keycloak's administrator (local demo credentials unless ZWY_KC_ADMIN_PASSWORD says otherwise);
 * and removes the accounts a test run made, so that a run leaves no accounts behind.
 */
final class KeycloakAccounts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAccounts() {}

    private static String adminToken() throws java.io.IOException, InterruptedException {
        return Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                                + "/realms/staff/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id=tenant-service&client_secret=tenant-service-demo-secret"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asString();
    }

    /** Names of the account's directly mapped realm roles. */
    static java.util.Set<String> realmRoles(String userId) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        adminGet("staff/users/" + userId + "/role-mappings/realm").forEach(r -> out.add(r.get("name").asString()));
        return out;
    }

    /** The raw answer of a password grant (status and body), for accounts that must not sign in yet. */
    static Api.Response passwordGrant(String username, String password) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                            + "/realms/staff/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo-cli&username="
                            + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), "", Api.JSON.readTree(r.body()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's administrator (realm master): reads realm settings and brute-force state. */
    static String masterToken() {
        String user = System.getenv().getOrDefault("ZWY_KC_ADMIN_USER", "admin");
        String password = System.getenv().getOrDefault("ZWY_KC_ADMIN_PASSWORD", "admin");
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                            + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + enc(user)
                            + "&password=" + enc(password))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("Keycloak admin token: " + r.statusCode() + " " + r.body());
            return Api.JSON.readTree(r.body()).get("access_token").asString();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET on Keycloak's admin API as its administrator. */
    static JsonNode adminGet(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/admin/realms/" + path))
                    .header("Authorization", "Bearer " + masterToken()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
            return Api.JSON.readTree(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An account of the staff realm with a password of its own (for the lockout probe); its id.
     * The realm requires a tenant attribute: "99" is no province, so the account has no rights and
     * is no tenant's staff (the T7 reconciliation skips two-digit codes).
     */
    static String createPlainAccount(String username, String password) {
        try {
            String body = Api.JSON.writeValueAsString(java.util.Map.of("username", username, "enabled", true,
                    "firstName", "探针", "lastName", "测试", "email", username + "@zwy.example", "emailVerified", true,
                    "attributes", java.util.Map.of("tenant", java.util.List.of("99")),
                    "credentials", java.util.List.of(java.util.Map.of("type", "password", "value", password, "temporary", false))));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/admin/realms/staff/users"))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("create " + username + ": " + r.statusCode() + " " + r.body());
            return find(username).get("id").asString();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A citizen account of its own for one test (a random username and password, nothing guessable), made as
     * Keycloak's administrator; its token. {@link #deleteCitizen} removes it again.
     */
    static Citizen createCitizen() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String username = "test.citizen." + java.util.UUID.randomUUID().toString().substring(0, 12);
        try {
            String body = Api.JSON.writeValueAsString(java.util.Map.of("username", username, "enabled", true, "emailVerified", true,
                    "firstName", "测试", "lastName", "市民", "email", username + "@zwy.example",
                    "credentials", java.util.List.of(java.util.Map.of("type", "password", "value", password, "temporary", false))));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/admin/realms/citizen/users"))
                    .header("Authorization", "Bearer " + masterToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("create citizen: " + r.statusCode() + " " + r.body());
            String location = r.headers().firstValue("Location").orElseThrow();
            return new Citizen(location.substring(location.lastIndexOf('/') + 1), username, password);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    record Citizen(String id, String username, String password) {
        String token() { return Tokens.citizen(username, password); }
    }

    static void deleteCitizen(Citizen c) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/admin/realms/citizen/users/" + c.id()))
                    .header("Authorization", "Bearer " + masterToken()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(String userId) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK + "/admin/realms/staff/users/" + userId))
                    .header("Authorization", "Bearer " + adminToken()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's stored credentials (types only): none for an account nobody has activated yet. */
    static java.util.List<String> credentialTypes(String userId) {
        java.util.List<String> out = new java.util.ArrayList<>();
        adminGet("staff/users/" + userId + "/credentials").forEach(c -> out.add(c.get("type").asString()));
        return out;
    }

    /**
     * Activates an account as its person does: signs in to the staff console (authorization code
     * flow with PKCE, Keycloak's own pages) with the one-time secret, sets {@code newPassword} on
     * the "update password" page that follows and completes the profile page (an e-mail address)
     * if Keycloak asks for it. Returns the HTML of the page Keycloak answered with instead, if
     * the sign-in did not lead there (e.g. a wrong or used-up secret: the login page again).
     */
    static java.util.Optional<String> activate(String username, String secret, String newPassword) {
        Browser browser = new Browser();
        String redirect = "http://127.0.0.1:9/activated";
        try {
            byte[] verifierBytes = new byte[32];
            new java.security.SecureRandom().nextBytes(verifierBytes);
            String verifier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(verifierBytes);
            String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String auth = Tokens.KEYCLOAK + "/realms/staff/protocol/openid-connect/auth?client_id=staff-console&response_type=code"
                    + "&scope=openid&redirect_uri=" + enc(redirect) + "&state=s&code_challenge=" + challenge
                    + "&code_challenge_method=S256";
            HttpResponse<String> login = browser.get(auth);
            HttpResponse<String> r = submit(browser, login.body(), "username=" + enc(username) + "&password=" + enc(secret));
            boolean passwordSet = false;
            for (int step = 0; step < 8; step++) {
                if (r.statusCode() == 302) {
                    String location = r.headers().firstValue("Location").orElse("");
                    if (location.startsWith(redirect)) {
                        if (!passwordSet || !location.contains("code=")) {
                            throw new IllegalStateException("sign-in of " + username + " ended without a new password: " + location);
                        }
                        return java.util.Optional.empty();
                    }
                    r = browser.get(location);
                } else if (r.body().contains("name=\"password-new\"")) {
                    r = submit(browser, r.body(), "password-new=" + enc(newPassword) + "&password-confirm=" + enc(newPassword));
                    passwordSet = true;
                } else if (r.body().contains("kc-update-profile-form")) {
                    StringBuilder form = new StringBuilder();
                    java.util.regex.Matcher input = java.util.regex.Pattern
                            .compile("<input type=\"text\" id=\"[^\"]*\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(r.body());
                    while (input.find()) {
                        String value = input.group(2).isEmpty() && input.group(1).equals("email") ? username + "@zwy.example"
                                : unescape(input.group(2));
                        form.append(form.isEmpty() ? "" : "&").append(enc(input.group(1))).append('=').append(enc(value));
                    }
                    r = submit(browser, r.body(), form.toString());
                } else {
                    return java.util.Optional.of(r.body());
                }
            }
            throw new IllegalStateException("sign-in of " + username + " did not finish");
        } catch (java.io.IOException | InterruptedException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> submit(Browser browser, String page, String form)
            throws java.io.IOException, InterruptedException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(page);
        if (!m.find()) throw new IllegalStateException("no form on Keycloak's page: " + page.substring(0, Math.min(500, page.length())));
        return browser.post(m.group(1).replace("&amp;", "&"), form);
    }

    /**
     * Just enough of a browser for Keycloak's pages: keeps every cookie and sends it back. (The JDK's
     * CookieManager withholds Keycloak's Secure cookies over plain http, as browsers do except
     * for localhost, and Keycloak then answers "cookie not found".)
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> get(String url) throws java.io.IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, String form) throws java.io.IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws java.io.IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                b.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return r;
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Deletes the staff accounts this run's platform made: the Keycloak account of every staff
     * record of the run's own tenant database that createStaff or onboarding wrote, if Keycloak
     * created it after the run started (an account adopted from before is not ours to delete).
     * Called when the platform under test stops, so a run leaves no accounts in the shared realm.
     */
    static void removeAccountsOfThisRun(java.time.Instant runStarted) {
        java.util.List<String> usernames = new java.util.ArrayList<>();
        try (java.sql.Connection c = TenantDb.connect(); java.sql.Statement st = c.createStatement()) {
            java.util.List<String> tenants = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("select code from tenant")) {
                while (rs.next()) tenants.add(rs.getString(1));
            }
            c.setAutoCommit(false);
            for (String t : tenants) {
                try (java.sql.PreparedStatement bind = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    bind.setString(1, t);
                    bind.execute();
                }
                try (java.sql.ResultSet rs = st.executeQuery(
                        "select username from staff where created_by not in ('demo', 'reconciliation', 'test')")) {
                    while (rs.next()) usernames.add(rs.getString(1));
                }
                c.commit();
            }
        } catch (java.sql.SQLException e) {
            System.err.println("accounts of this run not removed: " + e);
            return;
        }
        int removed = 0;
        for (String username : usernames) {
            JsonNode account = find(username);
            if (account != null && account.path("createdTimestamp").asLong(0) >= runStarted.toEpochMilli()) {
                delete(account.get("id").asString());
                removed++;
            }
        }
        System.out.println("removed " + removed + " staff accounts this test run made");
    }

    /** The account, or null. */
    static JsonNode find(String username) {
        JsonNode users = adminGet("staff/users?exact=true&briefRepresentation=false&username=" + username);
        return users.isEmpty() ? null : users.get(0);
    }
}
