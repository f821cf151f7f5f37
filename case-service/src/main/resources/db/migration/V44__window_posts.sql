-- AB岗 (T6), ADR 0017: the A and B holders of a window as tenant-service announces them (window.holders.changed;
-- usernames of the staff realm), and the B holder's takeovers of the post while the A holder is absent.
alter table booking_window add column holders_known boolean not null default false,
    add column a_holder varchar(100), add column a_holder_name varchar(100),
    add column b_holder varchar(100), add column b_holder_name varchar(100);

-- One row per takeover, kept (who took over when, and when the A holder came back); at most one running per window.
create table queue_window_takeover (
    id          uuid          primary key,
    tenant_id   varchar(12)   not null,
    window_id   uuid          not null,
    taken_by    varchar(100)  not null,   -- the B holder's username
    taken_at    timestamptz   not null,
    ended_at    timestamptz,
    ended_by    varchar(100)
);
create unique index queue_window_takeover_running on queue_window_takeover (window_id) where ended_at is null;

alter table queue_window_takeover enable row level security;
alter table queue_window_takeover force row level security;
create policy queue_window_takeover_read on queue_window_takeover for select using (tenant_id = current_setting('app.tenant_id', true));
create policy queue_window_takeover_insert on queue_window_takeover for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy queue_window_takeover_update on queue_window_takeover for update
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
revoke delete, truncate on queue_window_takeover from zwy_app;

-- A5: check-in at a kiosk by ID card number besides the booking code. The blind index (keyed HMAC, never the number)
-- of the ID number of the person who comes: the person booked for (帮办), or the citizen's own when they gave it.
alter table appointment add column id_index varchar(100);
create index appointment_id_check_in_idx on appointment (tenant_id, id_index, day) where id_index is not null;

-- T3: an applicant claims a case a station recorded for them (case_file.citizen_id set then): the station's
-- idempotency key stays unique whether or not the case was claimed since, and the applicant's messages written
-- without an account become theirs (updated by the tenant's transaction, only while they have no owner).
drop index case_file_station_key_idx;
create unique index case_file_station_key_idx on case_file (tenant_id, agent_id, idempotency_key) where station_site is not null;
create policy citizen_message_claim on citizen_message for update
    using (citizen_id is null and tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
