package cn.zwy.cases.review;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review rules (zwy.review.*), ADR 0020. The seed (004 钦南区 好差评制度 §17) fixes the reminder and the review period;
 * it sets no deadline per rectification step, so those are ours, taken from the same seed's complaint clocks (P2: decided
 * within 3 working days; P3: simple 3, complex 10 working days).
 *
 * @param remindAfter     V4: a completed service not reviewed this long after completion gets a reminder (24 h)
 * @param openWorkingDays V4: reviews are accepted until this many working days after the completion day (5)
 * @param assignDays      V6: a bad review is assigned to the one who answers for it within this many working days (1)
 * @param verifyDays      V6: verified and answered to the reviewer (差评回复) within this many after assignment (3, as P2)
 * @param rectifyDays     V6: a valid one rectified within this many after verification (10, as P3 complex)
 * @param callBackDays    V6: the reviewer called back within this many after rectification (3)
 * @param closeDays       V6: closed (改进提升 recorded) within this many after the call back or an invalid finding (1)
 * @param dishonestyDays  V5: how long a listed reviewer stays on the list (365)
 */
@ConfigurationProperties("zwy.review")
record ReviewProperties(Duration remindAfter, Integer openWorkingDays, Integer assignDays, Integer verifyDays, Integer rectifyDays,
                        Integer callBackDays, Integer closeDays, Integer dishonestyDays) {

    ReviewProperties {
        if (remindAfter == null) remindAfter = Duration.ofHours(24);
        if (openWorkingDays == null) openWorkingDays = 5;
        if (assignDays == null) assignDays = 1;
        if (verifyDays == null) verifyDays = 3;
        if (rectifyDays == null) rectifyDays = 10;
        if (callBackDays == null) callBackDays = 3;
        if (closeDays == null) closeDays = 1;
        if (dishonestyDays == null) dishonestyDays = 365;
        if (openWorkingDays < 1 || assignDays < 1 || verifyDays < 1 || rectifyDays < 1 || callBackDays < 1 || closeDays < 1 || dishonestyDays < 1) {
            throw new IllegalArgumentException("zwy.review: every number of days must be positive");
        }
    }
}
