package cn.zwy.tenant.organisation;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.api.organisation.BusinessCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Checks a window's business categories (A5) and stores them as one JSON column. */
final class BusinessCategories {

    private BusinessCategories() {}

    static final int MAX_PER_WINDOW = 20;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{0,5}");

    static List<BusinessCategory> validated(String field, List<BusinessCategory> given) {
        if (given == null) return List.of();
        if (given.size() > MAX_PER_WINDOW) throw ApiException.validation(field, "每个窗口最多 " + MAX_PER_WINDOW + " 个业务类别");
        List<BusinessCategory> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            BusinessCategory c = given.get(i);
            String at = field + "[" + i + "]";
            String code = c == null || c.code() == null ? "" : c.code().strip();
            if (!CODE.matcher(code).matches()) {
                throw ApiException.validation(at + ".code", "业务类别代码应为 1–6 位大写字母或数字、字母开头（如 A、GA、BDC1）: " + code);
            }
            if (!codes.add(code)) throw ApiException.validation(at + ".code", "业务类别代码重复: " + code);
            out.add(new BusinessCategory(code, OrganisationService.text(at + ".name", c.name(), 30, "业务类别名称")));
        }
        return List.copyOf(out);
    }

    @Converter
    public static class ListConverter implements AttributeConverter<List<BusinessCategory>, String> {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public String convertToDatabaseColumn(List<BusinessCategory> list) {
            return JSON.writeValueAsString(list == null ? List.of() : list);
        }

        @Override
        public List<BusinessCategory> convertToEntityAttribute(String s) {
            return s == null || s.isBlank() ? List.of() : JSON.readValue(s, new TypeReference<List<BusinessCategory>>() {});
        }
    }
}
