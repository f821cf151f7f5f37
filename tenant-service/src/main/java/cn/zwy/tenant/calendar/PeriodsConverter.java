package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.hall.TimeRange;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A special day's periods as the same JSON as one weekday's periods in hall.opening_hours. */
@Converter
public class PeriodsConverter implements AttributeConverter<List<TimeRange>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<TimeRange> periods) {
        return JSON.writeValueAsString(periods == null ? List.of() : periods);
    }

    @Override
    public List<TimeRange> convertToEntityAttribute(String column) {
        return column == null ? List.of() : JSON.readValue(column, new TypeReference<List<TimeRange>>() {});
    }
}
