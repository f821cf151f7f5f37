package cn.zwy.cases.booking;

import cn.zwy.common.error.ApiException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slot's public id, {@code <tenantCode>:<hallId>:<yyyyMMddHHmm>} (its start in the halls' time zone): slots are
 * derived, not stored ahead, so the id says which one it is; the tenant comes first like every scoped id.
 */
record SlotId(String tenantCode, UUID hallId, LocalDateTime start) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4}|\\d{6}|\\d{9}|\\d{12}):([0-9a-f-]{36}):(\\d{12})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    static SlotId parse(String field, String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            throw ApiException.validation(field, "时段编号格式不正确（应为 区划代码:大厅编号:yyyyMMddHHmm）: " + value);
        }
        try {
            UUID hall = UUID.fromString(m.group(2));
            if (!hall.toString().equals(m.group(2))) throw new IllegalArgumentException();
            return new SlotId(m.group(1), hall, LocalDateTime.parse(m.group(3), STAMP));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiException.validation(field, "时段编号格式不正确: " + value);
        }
    }

    @Override
    public String toString() {
        return tenantCode + ":" + hallId + ":" + start.format(STAMP);
    }
}
