package cn.zwy.cases.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that protect applicants' personal data at rest (M3).
 *
 * @param keys     the data keys, {@code id:base64} separated by commas, the current one first and
 *                 older ones after it (still read, never written). Each key is 32 random bytes
 *                 (AES-256); an id is 1–16 letters, digits, {@code -} or {@code _}. Rotation: put a
 *                 new key first, restart, run {@link KeyRotation}, then drop the old key.
 * @param indexKey the blind index's own HMAC-SHA256 key (base64, 32+ bytes); never rotated
 *                 casually: every index value depends on it (a change means re-indexing)
 */
@ConfigurationProperties("zwy.privacy")
public record PrivacyProperties(String keys, String indexKey) {
}
