package cn.zwy.tenant.hall;

import cn.zwy.tenant.api.hall.DayHours;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.util.List;

/** Stores opening hours as their JSON form in one column: always read and written whole. */
@Converter
public class OpeningHoursConverter implements AttributeConverter<OpeningHours, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(OpeningHours hours) {
        return hours == null ? null : JSON.writeValueAsString(hours.days());
    }

    @Override
    public OpeningHours convertToEntityAttribute(String column) {
        return column == null ? null : new OpeningHours(JSON.readValue(column, new TypeReference<List<DayHours>>() {}));
    }
}
