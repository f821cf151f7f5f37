-- Fairness of booking (issue 9, ADR 0014 "Fairness"): a tenant's own booking rules, and bars that come from
-- too many cancellations in a month beside those of no-shows (A2).

-- A tenant's booking rules; a null column takes the deployment's default (zwy.booking.*). One row per tenant,
-- written by its centre administrator; read publicly (the release time is announced to citizens).
create table booking_rules (
    tenant_id                  varchar(12)  primary key,
    horizon_days               integer      check (horizon_days between 1 and 90),
    release_time               time,        -- a day becomes bookable at this time, horizon_days before it
    max_active_per_person      integer      check (max_active_per_person between 1 and 50),
    max_active_for_others      integer      check (max_active_for_others between 0 and 1000),
    max_cancellations_per_month integer     check (max_cancellations_per_month between 1 and 100),
    changed_by                 varchar(100) not null,
    changed_at                 timestamptz  not null
);
alter table booking_rules enable row level security;
alter table booking_rules force row level security;
create policy booking_rules_read on booking_rules for select using (tenant_id = current_setting('app.tenant_id', true));
create policy booking_rules_write on booking_rules for all
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
revoke delete, truncate on booking_rules from zwy_app;

-- NO_SHOW (A2) or CANCELLATIONS (the month's cancellations reached the tenant's limit). The booking codes that
-- made the bar stay in no_show_codes (for a cancellations bar: the cancelled bookings).
alter table booking_bar add column kind varchar(16) not null default 'NO_SHOW' check (kind in ('NO_SHOW', 'CANCELLATIONS'));

-- counting a person's active bookings and an account's cancellations of the month
create index appointment_active_person_idx on appointment (tenant_id, person_key, starts_at) where status = 'BOOKED';
create index appointment_cancelled_idx on appointment (tenant_id, citizen_id, cancelled_at) where status = 'CANCELLED';
