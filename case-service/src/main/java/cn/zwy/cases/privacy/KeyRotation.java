package cn.zwy.cases.privacy;

import cn.zwy.common.tenant.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-encryption after a key rotation: rewrites the sealed columns of a table, one tenant and one
 * batch (one short transaction) at a time, so that every value ends up under the current key and
 * the old key can be removed from {@code zwy.privacy.keys}. Safe to run again or on several
 * instances: a value already under the current key is skipped, and rows are locked
 * ({@code for update skip locked}) while they are rewritten. Only the sealed columns change, so
 * a blind index stays valid.
 * <p>Table and column names come from code (the case module's tables), never from a request;
 * they are checked to be plain identifiers all the same.
 */
@Component
public class KeyRotation {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    public KeyRotation(TenantTransactions tx, JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Re-encrypts every value of {@code columns} in {@code table} (rows of {@code tenantId}); returns the rows rewritten. */
    public int reencrypt(String tenantId, String table, String keyColumn, List<String> columns, int batchSize) {
        List<String> names = new ArrayList<>(columns);
        names.add(table);
        names.add(keyColumn);
        for (String n : names) {
            if (!IDENTIFIER.matcher(n).matches()) throw new IllegalArgumentException("not a plain identifier: " + n);
        }
        String current = cipher.currentKeyId() + ":%";
        String stale = String.join(" or ", columns.stream().map(c -> "(" + c + " is not null and " + c + " not like ?)").toList());
        String select = "select " + keyColumn + ", " + String.join(", ", columns) + " from " + table + " where " + stale
                + " limit " + batchSize + " for update skip locked";
        String update = "update " + table + " set " + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + " where " + keyColumn + " = ?";
        Object[] staleArgs = columns.stream().map(c -> current).toArray();
        int total = 0;
        while (true) {
            int n = tx.write(tenantId, () -> {
                List<Map<String, Object>> rows = jdbc.queryForList(select, staleArgs);
                for (Map<String, Object> row : rows) {
                    Object[] args = new Object[columns.size() + 1];
                    for (int i = 0; i < columns.size(); i++) args[i] = cipher.reseal((String) row.get(columns.get(i)));
                    args[columns.size()] = row.get(keyColumn);
                    jdbc.update(update, args);
                }
                return rows.size();
            });
            total += n;
            if (n < batchSize) return total;
        }
    }
}
