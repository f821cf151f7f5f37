package cn.zwy.common.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token says. The tenant is the staff member's administrative division
 * code; a provincial administrator's tenant is the province prefix (e.g. {@code 44}) and
 * reads, never writes, every tenant under it.
 */
public record Caller(Realm realm, String userId, String username, String displayName,
                     Set<String> roles, Optional<String> tenant, Optional<String> site) {

    public static final String PROVINCIAL_ADMIN = "provincial_admin";
    /** A city's administrator (T7): its tenant is the city's 4-digit code; reads, never writes, the tenants under it. */
    public static final String CITY_ADMIN = "city_admin";
    public static final String CENTRE_ADMIN = "centre_admin";
    public static final String PLATFORM_OPERATOR = "platform_operator";

    public static Caller of(Jwt jwt) {
        Realm realm = Realm.fromIssuer(jwt.getIssuer() == null ? null : jwt.getIssuer().toString());
        Set<String> roles = Set.of();
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof List<?> list) {
            roles = Set.copyOf(list.stream().map(String::valueOf).toList());
        }
        // Chinese order: family name first (Keycloak's "name" claim puts the given name first)
        String family = jwt.getClaimAsString("family_name");
        String given = jwt.getClaimAsString("given_name");
        String name = family != null && given != null ? family + given : jwt.getClaimAsString("name");
        // a citizen token never carries a tenant, whatever its attributes say
        Optional<String> tenant = realm == Realm.STAFF ? Optional.ofNullable(jwt.getClaimAsString("tenant")) : Optional.empty();
        Optional<String> site = realm == Realm.STAFF ? Optional.ofNullable(jwt.getClaimAsString("site")) : Optional.empty();
        return new Caller(realm, jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
                name == null ? jwt.getClaimAsString("preferred_username") : name, roles, tenant, site);
    }

    public boolean hasRole(String role) { return roles.contains(role); }

    public boolean isProvincialAdmin() {
        return realm == Realm.STAFF && hasRole(PROVINCIAL_ADMIN) && tenant.isPresent();
    }

    /** Runs the platform itself: may onboard and suspend tenants anywhere; holds no tenant. */
    public boolean isPlatformOperator() {
        return realm == Realm.STAFF && hasRole(PLATFORM_OPERATOR);
    }

    /** May onboard or suspend tenants in this region: its province's administrator, or a platform operator. */
    public boolean administers(String regionCode) {
        return isPlatformOperator() || (isProvincialAdmin() && regionCode.startsWith(tenant.get()));
    }

    /** Staff of exactly this tenant: may act (write) for it, subject to their role. */
    public boolean actsFor(String tenantCode) {
        return realm == Realm.STAFF && !isProvincialAdmin() && tenant.map(t -> t.equals(tenantCode)).orElse(false);
    }

    /** The tenant's own centre administrator: edits its halls, organisation, calendar and guides. */
    public boolean isCentreAdminOf(String tenantCode) {
        return actsFor(tenantCode) && hasRole(CENTRE_ADMIN);
    }

    /**
     * The region a provincial administrator (its 2-digit province) or a city's administrator (its 4-digit city)
     * supervises; empty for everyone else. Read-only: neither acts for a tenant.
     */
    public Optional<String> supervisedRegion() {
        if (isProvincialAdmin()) return tenant;
        if (realm == Realm.STAFF && hasRole(CITY_ADMIN) && tenant.filter(t -> t.matches("\\d{4}")).isPresent()) return tenant;
        return Optional.empty();
    }

    /** May read the tenant's internal records: its own staff, or the administrator of its province or city. */
    public boolean mayRead(String tenantCode) {
        if (actsFor(tenantCode)) return true;
        return supervisedRegion().filter(r -> tenantCode.startsWith(r) && !tenantCode.equals(r)).isPresent();
    }

    /** May compare the units of this region (a province's or a city's code): the administrator of it or of a region above it. */
    public boolean maySupervise(String regionCode) {
        return supervisedRegion().filter(regionCode::startsWith).isPresent();
    }
}
