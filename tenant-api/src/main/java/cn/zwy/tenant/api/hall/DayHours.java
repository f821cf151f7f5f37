package cn.zwy.tenant.api.hall;

import java.time.DayOfWeek;
import java.util.List;

/** A weekday's opening periods, breaks being the gaps between them (A4). */
public record DayHours(DayOfWeek weekday, List<TimeRange> periods) {}
