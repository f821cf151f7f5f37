-- The monthly window report (M1) reads a tenant's acceptance, completion and withdrawal records
-- by action; without this it would scan every action of every case.
create index case_action_report_idx on case_action (tenant_id, action, case_id, seq);
