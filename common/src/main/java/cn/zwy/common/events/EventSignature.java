package cn.zwy.common.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over every field of a stream entry, with a key only the services hold
 * ({@code ZWY_EVENTS_HMAC_KEY}). Whoever can write to Redis but lacks the key cannot make an
 * entry a consumer will apply: the outbox relay signs on XADD, consumers verify before anything
 * else. The fields are signed as they travel (the strings in the entry, not re-serialised
 * values), each length-prefixed so that no two different entries share the signed bytes.
 * A previous key may be accepted for verification while keys are rotated.
 */
public final class EventSignature {

    /** The stream entry's field holding {@code v1:<base64url HMAC>}. */
    public static final String FIELD = "sig";
    /** The signed fields, in signing order: everything a {@link DomainEvent} carries. */
    public static final List<String> SIGNED_FIELDS =
            List.of("id", "type", "tenant", "aggregateType", "aggregateId", "occurredAt", "payload");
    static final int MIN_KEY_LENGTH = 32;
    private static final String VERSION = "v1:";

    private final SecretKeySpec key;
    private final List<SecretKeySpec> accepted;

    /**
     * @param key         signs and verifies; at least 32 characters
     * @param previousKey also accepted when verifying (rotation), or null/blank
     */
    public EventSignature(String key, String previousKey) {
        this.key = spec(key, "ZWY_EVENTS_HMAC_KEY");
        List<SecretKeySpec> keys = new ArrayList<>(List.of(this.key));
        if (previousKey != null && !previousKey.isBlank()) keys.add(spec(previousKey, "ZWY_EVENTS_HMAC_PREVIOUS_KEY"));
        this.accepted = List.copyOf(keys);
    }

    private static SecretKeySpec spec(String key, String variable) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("the events HMAC key is not set: set " + variable + " (zwy.events.hmac-key)");
        }
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(variable + " is too short: at least " + MIN_KEY_LENGTH + " random characters");
        }
        return new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The value of {@link #FIELD} for an entry with these fields. */
    public String sign(Map<?, ?> fields) {
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, fields));
    }

    /** Why the entry must not be applied, or null when it carries a valid signature of all its fields. */
    public String problem(Map<?, ?> fields) {
        Object sig = fields.get(FIELD);
        if (sig == null) return "unsigned event (no " + FIELD + " field)";
        String s = sig.toString();
        if (!s.startsWith(VERSION)) return "unknown event signature format";
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(s.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return "unreadable event signature";
        }
        for (SecretKeySpec k : accepted) {
            if (MessageDigest.isEqual(given, mac(k, fields))) return null;
        }
        return "invalid event signature";
    }

    private static byte[] mac(SecretKeySpec key, Map<?, ?> fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String name : SIGNED_FIELDS) {
                Object v = fields.get(name);
                byte[] bytes = v == null ? new byte[0] : v.toString().getBytes(StandardCharsets.UTF_8);
                // -1 for an absent field, so absent and empty differ
                mac.update(ByteBuffer.allocate(4).putInt(v == null ? -1 : bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
