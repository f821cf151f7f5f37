package cn.zwy.common.security;

/** Keycloak realm per audience (ADR 0003): citizens and staff never share one. */
public enum Realm {
    CITIZEN("citizen"), STAFF("staff");

    private final String realmName;

    Realm(String realmName) { this.realmName = realmName; }

    public String realmName() { return realmName; }

    public static Realm fromIssuer(String issuer) {
        for (Realm r : values()) {
            if (issuer != null && issuer.endsWith("/realms/" + r.realmName)) return r;
        }
        throw new IllegalArgumentException("untrusted issuer " + issuer);
    }
}
