package cn.zwy.common.security;

/**
 * The revocation list of staff tokens in Redis: tenant-service writes the Keycloak user id (the
 * token's {@code sub}) of a staff member it disables, or of every staff member of a tenant it
 * suspends, and deletes it when the account is enabled again; the gateway refuses any staff
 * token whose subject is listed. An access token cannot be recalled from its holder, so without
 * this a disabled person's token would keep working until it expires. Keys expire after the
 * longest access token lifespan (by then every token issued before the disable has expired and
 * Keycloak refuses new ones).
 */
public final class RevokedStaff {

    public static final String KEY_PREFIX = "zwy:revoked:staff:";

    private RevokedStaff() {}

    public static String key(String subject) {
        return KEY_PREFIX + subject;
    }
}
