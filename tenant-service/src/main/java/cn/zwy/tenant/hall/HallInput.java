package cn.zwy.tenant.hall;

import cn.zwy.tenant.api.hall.HallUpdate;
import cn.zwy.tenant.api.hall.NewHall;
import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.text.PlainText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a {@link HallUpdate} (absent fields stay as they are) or the details of a new hall: the
 * same limits, messages and field names for both.
 */
final class HallInput {

    private HallInput() {}

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    private static final Pattern PHONE = Pattern.compile("[0-9][0-9\\-() ]{2,38}[0-9]");

    /** Validates this update against the current details and returns the details after it. */
    static HallDetails applyTo(HallUpdate update, HallDetails current) {
        String name = update.name(), address = update.address(), phone = update.phone();
        var openingHours = update.openingHours();
        if (name == null && address == null && phone == null && openingHours == null) {
            throw ApiException.validation("input", "没有提供要修改的字段（name、address、phone、openingHours）");
        }
        return new HallDetails(
                name == null ? current.name() : text("name", name, MAX_NAME, "大厅名称"),
                address == null ? current.address() : text("address", address, MAX_ADDRESS, "地址"),
                phone == null ? current.phone() : phone(phone),
                openingHours == null ? current.openingHours() : OpeningHours.validated("openingHours", openingHours));
    }

    /**
     * The details of a new hall: every field is required and checked exactly as in an update
     * (the same limits, messages and field names). {@code expectedVersion} is ignored.
     */
    static HallDetails asNew(NewHall hall) {
        String name = hall.name(), address = hall.address(), phone = hall.phone();
        var openingHours = hall.openingHours();
        List<String> missing = new java.util.ArrayList<>();
        if (name == null) missing.add("name");
        if (address == null) missing.add("address");
        if (phone == null) missing.add("phone");
        if (openingHours == null) missing.add("openingHours");
        if (!missing.isEmpty()) throw ApiException.validation(missing.getFirst(), "新服务大厅缺少字段: " + String.join("、", missing));
        return applyTo(new HallUpdate(name, address, phone, openingHours, null), new HallDetails(null, null, null, null));
    }

    static String text(String field, String value, int max, String label) {
        return PlainText.require(field, value, max, label);
    }

    static String phone(String value) {
        String v = value.strip();
        if (!PHONE.matcher(v).matches()) {
            throw ApiException.validation("phone", "电话号码格式不正确（如 12345、0763-6612345）: " + value);
        }
        return v;
    }
}
