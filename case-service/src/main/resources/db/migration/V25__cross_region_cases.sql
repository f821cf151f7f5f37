-- Same-city and cross-region cases (同城通办/异地, C12) and remote agency (异地代办, C13).
-- A case filed at another region's hall stays one case of its owning tenant (its rows keep the owner's
-- tenant_id); the receiving hall's staff reach it through policies keyed on receiving_tenant_id, so a
-- transaction bound to the receiving tenant sees and changes exactly the cases received there, and a
-- third tenant sees nothing.

alter table case_file
    -- where the application is (C12): at the receiving hall, in transit (paper posted), arrived at the owner
    add column relay_state      varchar(12) check (relay_state in ('AT_HALL', 'IN_TRANSIT', 'ARRIVED')),
    add column forward_due      date,          -- 1 working day after receipt at the receiving hall
    add column forwarded_at     timestamptz,
    add column forward_carrier  varchar(60),   -- null: forwarded online (immediate)
    add column forward_tracking varchar(60),
    add column arrived_at       timestamptz,
    add column result_due       date,          -- 1 working day after completion
    add column result_sent_at   timestamptz,
    add column result_carrier   varchar(60),
    add column result_tracking  varchar(60),
    add column handed_over_at   timestamptz,
    -- C13: the case is in the hall's remote agency for at most 7 working days
    add column agency_started_on date,
    add column agency_due        date,
    add column agency_state      varchar(12) check (agency_state in ('OPEN', 'ENDED_EARLY', 'DONE')),
    add column agency_end_reason varchar(30);

-- the receiving hall's queue (RECEIVED_FOR_OTHERS)
create index case_file_received_idx on case_file (receiving_tenant_id, (coalesce(deadline, date '9999-12-31')), submitted_at, id)
    where receiving_tenant_id is not null;

-- where a step happened (the tenant whose hall took it): the receiving hall or the owner
alter table case_action add column place varchar(12);

-- The receiving hall's reach: the case itself (read, and update of the cases received there) ...
create policy case_file_received_read on case_file for select
    using (receiving_tenant_id = current_setting('app.tenant_id', true));
create policy case_file_received_update on case_file for update
    using (receiving_tenant_id = current_setting('app.tenant_id', true))
    with check (receiving_tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');

-- ... and what belongs to it: its record (read, append), its pauses (read, open: forwarding starts the
-- transit pause), its notices (read). The subqueries run under case_file's policies themselves.
do $$
declare t text;
begin
    foreach t in array array['case_action', 'case_pause', 'case_notice'] loop
        execute format('create policy %I on %I for select using (exists (select 1 from case_file f where f.id = case_id '
                       'and f.receiving_tenant_id = current_setting(''app.tenant_id'', true)))', t || '_received_read', t);
    end loop;
    foreach t in array array['case_action', 'case_pause'] loop
        execute format('create policy %I on %I for insert with check (current_setting(''app.tenant_write'', true) = ''on'' '
                       'and exists (select 1 from case_file f where f.id = case_id '
                       'and f.receiving_tenant_id = current_setting(''app.tenant_id'', true)))', t || '_received_insert', t);
    end loop;
end $$;
