-- Supervision and comparison (M1, M2, C7, C8; ADR 0024): the figures provincial and city administrators compare,
-- rolled up per month from the event path (case.accepted, case.completed, case.deemed_approved, case.overdue,
-- queue.ticket.finished, review.submitted, review.unrated, complaint.filed, complaint.accepted, complaint.closed).
-- Only the comparison feed writes them (one transaction per event, bound to the event's tenant); the counters are
-- added to, never recomputed, so a dashboard reads a few thousand rows instead of millions of cases. Months are the
-- grain: every period compared (month, quarter, year) is made of whole months, the current one up to today.

-- Per tenant, month, hall, window and staff member: the drill-down county → hall → window → staff. The keys are what the
-- events name: the hall's id (or '-' when unknown), the window's name as the case record keeps it (C16) and the staff
-- member's account id; the labels are the last ones seen.
create table comparison_unit_month (
    tenant_id            varchar(12)   not null,
    month                date          not null,   -- its first day
    hall_key             varchar(40)   not null,
    window_key           varchar(100)  not null,
    staff_key            varchar(64)   not null,
    hall_name            varchar(200),
    window_name          varchar(100),
    staff_name           varchar(100),
    accepted             integer       not null default 0,
    completed            integer       not null default 0,
    completed_on_time    integer       not null default 0,
    overdue              integer       not null default 0,   -- went past the deadline through the window's fault (C7)
    overdue_applicant    integer       not null default 0,   -- past the deadline through the applicant (C7: not counted)
    visits               integer       not null default 0,
    reviews              integer       not null default 0,
    good_reviews         integer       not null default 0,
    bad_reviews          integer       not null default 0,
    unrated              integer       not null default 0,
    complaints           integer       not null default 0,
    complaints_accepted  integer       not null default 0,
    complaints_closed    integer       not null default 0,
    complaints_verified  integer       not null default 0,
    complaints_satisfied integer       not null default 0,
    primary key (tenant_id, month, hall_key, window_key, staff_key)
);

-- The same counters per tenant and month: the comparison of a province's ~120 counties over a year reads ~1,440 rows.
create table comparison_tenant_month (
    tenant_id            varchar(12)   not null,
    month                date          not null,
    accepted             integer       not null default 0,
    completed            integer       not null default 0,
    completed_on_time    integer       not null default 0,
    overdue              integer       not null default 0,
    overdue_applicant    integer       not null default 0,
    visits               integer       not null default 0,
    reviews              integer       not null default 0,
    good_reviews         integer       not null default 0,
    bad_reviews          integer       not null default 0,
    unrated              integer       not null default 0,
    complaints           integer       not null default 0,
    complaints_accepted  integer       not null default 0,
    complaints_closed    integer       not null default 0,
    complaints_verified  integer       not null default 0,
    complaints_satisfied integer       not null default 0,
    primary key (tenant_id, month)
);

-- The events already added, in the same transaction as their counters: a redelivered event never counts twice
-- (the stream consumer's own record is written after the handler, in a transaction of its own).
create table comparison_event (
    event_id   uuid         primary key,
    tenant_id  varchar(12)  not null,
    added_at   timestamptz  not null default now()
);

-- Row-level security: a tenant's transaction reads and writes its own rows; a read-only transaction bound to a
-- province (2 digits) or a city (4 digits) — a regional administrator's (T7) — reads the rows of the tenants under it.
do $$
declare t text;
begin
    foreach t in array array['comparison_unit_month', 'comparison_tenant_month', 'comparison_event'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy %I on %I for select using (
                           tenant_id = current_setting('app.tenant_id', true)
                           or (length(current_setting('app.tenant_id', true)) in (2, 4)
                               and left(tenant_id, length(current_setting('app.tenant_id', true))) = current_setting('app.tenant_id', true)))$p$,
                       t || '_read', t);
        execute format($p$create policy %I on %I for insert
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_insert', t);
        execute format($p$create policy %I on %I for update
                           using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_update', t);
    end loop;
end $$;
revoke delete, truncate on comparison_unit_month, comparison_tenant_month, comparison_event from zwy_app;
