package cn.zwy.tenant.staff;

import cn.zwy.common.security.RevokedStaff;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the revocation list the gateway checks ({@link RevokedStaff}): a disabled account's
 * tokens are refused at once instead of working until they expire. Called after Keycloak has
 * disabled the account (new tokens are refused there), and undone when it is enabled again.
 * A Redis failure propagates: the caller reports it and a retry repeats the whole step.
 */
@Component
public class StaffRevocations {

    private final StringRedisTemplate redis;
    private final Duration ttl;

    public StaffRevocations(StringRedisTemplate redis, @Value("${zwy.staff.revocation-ttl:PT15M}") Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    public void revoke(String keycloakId) {
        redis.opsForValue().set(RevokedStaff.key(keycloakId), "disabled", ttl);
    }

    public void restore(String keycloakId) {
        redis.delete(RevokedStaff.key(keycloakId));
    }
}
