package cn.zwy.cases.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaint clocks (zwy.complaint.*), ADR 0023, all in working days on the tenant's calendar; the defaults are seed
 * 004's (钦南区 行政效能投诉管理制度 第三条).
 *
 * @param acceptDays     P2: a complaint not decided on the spot is accepted or refused within this many (3)
 * @param simpleDays     P3: a general complaint is handled within this many of its acceptance (3)
 * @param complexDays    P3: a complex one (investigation away from the hall, an inspection) within this many (10)
 * @param specialDays    P3: a special one, extended by the centre's head with a written notice, within at most this many (30)
 * @param reviewDays     P4: a review (复核) of the handling may be asked within this many of the result (15)
 * @param excellentBar   P5: this many verified complaints in a year bar an "excellent" rating (3)
 */
@ConfigurationProperties("zwy.complaint")
record ComplaintProperties(Integer acceptDays, Integer simpleDays, Integer complexDays, Integer specialDays, Integer reviewDays,
                           Integer excellentBar) {

    ComplaintProperties {
        if (acceptDays == null) acceptDays = 3;
        if (simpleDays == null) simpleDays = 3;
        if (complexDays == null) complexDays = 10;
        if (specialDays == null) specialDays = 30;
        if (reviewDays == null) reviewDays = 15;
        if (excellentBar == null) excellentBar = 3;
        if (acceptDays < 1 || simpleDays < 1 || complexDays < simpleDays || specialDays < complexDays || reviewDays < 1 || excellentBar < 1) {
            throw new IllegalArgumentException("zwy.complaint: days must be positive and simple ≤ complex ≤ special");
        }
    }
}
