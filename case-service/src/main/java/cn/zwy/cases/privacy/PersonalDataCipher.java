package cn.zwy.cases.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts an ID number or a phone number for storage (M3): AES-256-GCM with a fresh random
 * 96-bit nonce per value, so equal numbers never look equal at rest (exact lookup goes through
 * {@link BlindIndex} instead). The stored text is {@code <keyId>:<base64(nonce ‖ ciphertext ‖ tag)>}:
 * the key id says which key opens it, so keys rotate — values under an older key are still read
 * while the current key writes. The key id is also authenticated (GCM associated data), so a
 * value cannot be passed off as sealed under another key; any change to a stored value makes
 * {@link #open} fail instead of yielding a wrong number.
 */
public final class PersonalDataCipher {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "zwy-personal-data-v1:";

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** {@code keys}: id → 32-byte key, in order; the first is the current key. */
    public PersonalDataCipher(Map<String, byte[]> keys) {
        if (keys.isEmpty()) throw new IllegalArgumentException("zwy.privacy.keys: at least one key is required");
        Map<String, SecretKey> k = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (!KEY_ID.matcher(id).matches()) throw new IllegalArgumentException("zwy.privacy.keys: bad key id '" + id + "'");
            if (bytes.length != 32) throw new IllegalArgumentException("zwy.privacy.keys: key " + id + " must be 32 bytes (AES-256), is " + bytes.length);
            k.put(id, new SecretKeySpec(bytes, "AES"));
        });
        this.keys = Collections.unmodifiableMap(k);
        this.currentKeyId = k.keySet().iterator().next();
    }

    /** From the configuration's {@code id:base64,id:base64} (current first). */
    public static PersonalDataCipher fromConfiguration(String keys) {
        if (keys == null || keys.isBlank()) throw new IllegalArgumentException("zwy.privacy.keys is not set");
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("zwy.privacy.keys: each entry is id:base64");
            String id = e.substring(0, colon);
            if (parsed.put(id, Base64.getDecoder().decode(e.substring(colon + 1).strip())) != null) {
                throw new IllegalArgumentException("zwy.privacy.keys: key id " + id + " appears twice");
            }
        }
        return new PersonalDataCipher(parsed);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The stored form of {@code plaintext}, sealed under the current key; null stays null. */
    public String seal(String plaintext) {
        if (plaintext == null) return null;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(currentKeyId));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plaintext of a stored value; {@link TamperedException} if it was altered or its key is gone. */
    public String open(String sealed) {
        if (sealed == null) return null;
        int colon = sealed.indexOf(':');
        if (colon <= 0) throw new TamperedException("not a sealed value");
        String keyId = sealed.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) throw new TamperedException("sealed under key '" + keyId + "', which is not configured");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new TamperedException("not base64");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) throw new TamperedException("too short");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            c.updateAAD(aad(keyId));
            return new String(c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new TamperedException("authentication tag does not match: the value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** True if the value is sealed under the current key (nothing to re-encrypt). */
    public boolean isCurrent(String sealed) {
        return sealed == null || sealed.startsWith(currentKeyId + ":");
    }

    /** The value sealed under the current key (unchanged if it already is). */
    public String reseal(String sealed) {
        return isCurrent(sealed) ? sealed : seal(open(sealed));
    }

    private static byte[] aad(String keyId) {
        return (AAD_PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** A stored value that does not open: altered, truncated, or sealed under a key no longer configured. */
    public static final class TamperedException extends IllegalStateException {
        TamperedException(String message) {
            super("personal data cannot be decrypted: " + message);
        }
    }
}
