package cn.zwy.cases.material;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default store: a {@code bytea} column of {@code material_object} in the case database.
 * Why bytea and not large objects: a material is capped at 20 MB, well within what bytea and the
 * JDBC driver handle in one piece; a bytea row is deleted by an ordinary DELETE inside the same
 * transaction as its upload record, whereas a large object lives on after its referencing row
 * unless someone calls {@code lo_unlink} (orphans need {@code vacuumlo}), and large objects are
 * outside row-level security and plain {@code pg_dump --table} backups. The column's storage is
 * EXTERNAL: PDFs, JPEGs and OFD (ZIP) are compressed already, so TOAST does not try again.
 */
public class PostgresObjectStore implements ObjectStore {

    private final JdbcTemplate jdbc;

    public PostgresObjectStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String key, byte[] content, String mediaType) {
        jdbc.update("insert into material_object (object_key, media_type, content) values (?, ?, ?)", key, mediaType, content);
    }

    @Override
    public Optional<byte[]> get(String key) {
        List<byte[]> rows = jdbc.query("select content from material_object where object_key = ?", (rs, i) -> rs.getBytes(1), key);
        return rows.stream().findFirst();
    }

    @Override
    public void delete(String key) {
        jdbc.update("delete from material_object where object_key = ?", key);
    }
}
