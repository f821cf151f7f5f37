package cn.zwy.tenant.staff;

import java.security.SecureRandom;

/**
 * The one-time secret that activates a staff account (docs/adr/0007): 140 random bits from
 * {@link SecureRandom}, in seven groups of four characters of an alphabet without look-alikes
 * (no 0/o, 1/l/i) so that it can be read out and typed. Keycloak holds it as a temporary
 * password; the person must choose their own password at the first sign-in, after which the
 * secret is worthless. It is shown once, to the administrator who issued it, and stored nowhere
 * else (never logged).
 */
final class ActivationSecret {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 characters
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int LENGTH = 28;    // 28 × log2(31) ≈ 138.7 bits

    private ActivationSecret() {}

    static String generate() {
        StringBuilder b = new StringBuilder(LENGTH + LENGTH / 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) b.append('-');
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
