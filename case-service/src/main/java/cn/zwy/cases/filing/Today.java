package cn.zwy.cases.filing;

import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar day in the halls' time zone: deadlines are days of the tenant's calendar (C4). */
final class Today {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Today() {}

    static LocalDate date() {
        return LocalDate.now(ZONE);
    }
}
