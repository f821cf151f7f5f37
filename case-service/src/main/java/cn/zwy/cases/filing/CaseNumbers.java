package cn.zwy.cases.filing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code 441825-2026-000123}: per tenant and year, from a counter row that the upsert
 * locks until the filing's transaction ends. Concurrent filings queue on that row, so no number is
 * given twice; a filing that rolls back gives its number back, so none is skipped.
 */
@Component
class CaseNumbers {

    private final JdbcTemplate jdbc;

    CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside the filing's transaction, bound to {@code tenant} for writing. */
    String next(String tenant, int year) {
        Integer n = jdbc.queryForObject("""
                insert into case_number_counter (tenant_id, year, last) values (?, ?, 1)
                on conflict (tenant_id, year) do update set last = case_number_counter.last + 1
                returning last""", Integer.class, tenant, year);
        return "%s-%d-%06d".formatted(tenant, year, n);
    }
}
