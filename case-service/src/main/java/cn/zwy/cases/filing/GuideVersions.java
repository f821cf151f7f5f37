package cn.zwy.cases.filing;

import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.Questionnaire;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the local guide read model; inside a transaction bound to the guide's tenant. */
@Component
class GuideVersions {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<GuideVersion> mapper;

    GuideVersions(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = (rs, i) -> new GuideVersion(rs.getString("version_id"), rs.getString("item_id"), rs.getString("tenant_id"),
                rs.getString("tenant_name"), rs.getInt("number"), rs.getString("status"), rs.getDate("effective_from").toLocalDate(),
                rs.getString("name"), rs.getString("case_class"), (Integer) rs.getObject("promised_value"), rs.getString("promised_unit"),
                rs.getBoolean("tolerated_missing"), rs.getString("cross_region"), rs.getString("consult_phone"),
                rs.getString("window_name"), this.json.readValue(rs.getString("materials"), new TypeReference<List<GuideVersion.Material>>() {}),
                rs.getString("questionnaire") == null ? null : this.json.readValue(rs.getString("questionnaire"), Questionnaire.class),
                rs.getString("result_name"), rs.getString("form_fields") == null ? List.of()
                        : this.json.readValue(rs.getString("form_fields"), new TypeReference<List<FormField>>() {}));
    }

    /** The version in effect on {@code day}: the latest effective_from not after it, ties to the higher number. */
    Optional<GuideVersion> inEffect(String itemId, LocalDate day) {
        return jdbc.query("""
                select * from guide_version_model where item_id = ? and effective_from <= ?
                order by effective_from desc, number desc limit 1""", mapper, itemId, Date.valueOf(day)).stream().findFirst();
    }

    Optional<GuideVersion> byId(String versionId) {
        return jdbc.query("select * from guide_version_model where version_id = ?", mapper, versionId).stream().findFirst();
    }
}
