package cn.zwy.cases.booking;

import cn.zwy.common.events.EventsProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Redis gate in front of a slot's counter row (ADR 0030): in a burst most requests are for a slot that is already
 * full, and they are answered "full" by one Lua script, without a PostgreSQL transaction. PostgreSQL stays the truth:
 * the gate only ever refuses, and only on a count that says no place is left; every booking it lets through still
 * takes its place with the conditional update of the counter row, so a gate that counts wrong can make a citizen
 * hear "full" too early for a while, never overbook. A key per slot ({@code <prefix><slotId>}, the slot id carrying
 * its tenant) holds the places left; it lives {@code gateTtl} and is then read again from the counter row, so
 * whatever it lost (a process that died between taking a place here and committing in PostgreSQL, a Redis that
 * restarted) mends itself within that time. Redis unreachable: every request goes to PostgreSQL, as before the gate.
 */
@Component
class SlotGate {

    private static final Logger log = LoggerFactory.getLogger(SlotGate.class);

    /** What the gate says about a request for a slot. */
    enum Pass {
        /** the gate knows nothing of the slot (first booking, expired, Redis away): PostgreSQL decides */
        UNKNOWN,
        /** a place was held in the gate: PostgreSQL takes it, and the gate is settled after */
        HELD,
        /** no place left by the gate's count: refused without a transaction */
        FULL
    }

    // false (not 0: 0 is truthy in Lua) is GET's answer for a missing key
    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local left = redis.call('GET', KEYS[1])
            if not left then return -1 end
            if tonumber(left) <= 0 then return 0 end
            redis.call('DECR', KEYS[1])
            return 1""", Long.class);
    /** a place given back (a held place PostgreSQL did not take, a cancellation), only while the key lives */
    private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end
            return -1""", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    SlotGate(StringRedisTemplate redis, EventsProperties events,
             @Value("${zwy.booking.gate-key-prefix:}") String prefix,
             @Value("${zwy.booking.gate-ttl:PT10S}") Duration ttl) {
        this.redis = redis;
        // beside the event stream's key, in the same namespace (zwy:, or a test's or benchmark's own)
        this.prefix = prefix == null || prefix.isBlank() ? events.stream().replaceFirst("events$", "") + "booking-gate:" : prefix;
        this.ttl = ttl;
    }

    String key(SlotId slot) {
        return prefix + slot;
    }

    private Pass take(SlotId slot) {
        try {
            Long r = redis.execute(TAKE, List.of(key(slot)));
            return r == null || r < 0 ? Pass.UNKNOWN : r == 0 ? Pass.FULL : Pass.HELD;
        } catch (RuntimeException e) {
            log.warn("booking gate unavailable, PostgreSQL decides alone: {}", e.toString());
            return Pass.UNKNOWN;
        }
    }

    /** One booking request's passage: what the gate said, and what the counter row said when the request reached it. */
    static final class Ticket {
        final SlotId slot;
        final Pass pass;
        /** places left on the counter row after this request took one; null when it took none */
        Integer left;
        /** the counter row refused the request: no place left in PostgreSQL */
        boolean refusedFull;
        /** the booking committed */
        boolean booked;

        Ticket(SlotId slot, Pass pass) {
            this.slot = slot;
            this.pass = pass;
        }
    }

    /** Holds a place of the slot in the gate when one is left by its count; the ticket is settled after the transaction. */
    Ticket enter(SlotId slot) {
        return new Ticket(slot, take(slot));
    }

    /**
     * After the booking's transaction. Committed with a place: a gate that knew nothing learns the count the counter
     * row left (set only when absent: requests holding places in the gate meanwhile were counted there already).
     * Refused as full by PostgreSQL: the gate says full. Any other failure of a request that held a place: the place
     * is given back.
     */
    void settle(Ticket t) {
        try {
            if (t.booked) {
                if (t.pass == Pass.UNKNOWN && t.left != null) redis.opsForValue().setIfAbsent(key(t.slot), String.valueOf(t.left), ttl);
            } else if (t.refusedFull) {
                redis.opsForValue().set(key(t.slot), "0", ttl);
            } else if (t.pass == Pass.HELD) {
                redis.execute(GIVE_BACK, List.of(key(t.slot)));
            }
        } catch (RuntimeException e) {
            // the key lives at most ttl: the gate is read again from PostgreSQL then
            log.warn("booking gate not settled for {}: {}", t.slot, e.toString());
        }
    }

    /** Inside a transaction that frees a place of the slot (a cancellation, a move away): the gate gets it back after the commit. */
    void freedOnCommit(SlotId slot) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    redis.execute(GIVE_BACK, List.of(key(slot)));
                } catch (RuntimeException e) {
                    log.warn("booking gate not told of a freed place of {}: {}", slot, e.toString());
                }
            }
        });
    }
}
