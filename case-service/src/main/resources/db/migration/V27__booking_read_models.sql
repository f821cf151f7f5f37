-- Booking's local read models of tenant-service's halls, their special days and windows (ADR 0014), fed by
-- its events (hall.changed, hall.special_day.set/removed, window.changed): slots are derived from them and
-- the working calendar (filing's read model) without a synchronous call on the citizen's path. Only the
-- consumer writes them.

-- A hall and its weekly hours (A4): JSON [{weekday, periods: [{opens, closes}]}] as the event carries them.
create table booking_hall (
    hall_id       uuid         primary key,
    tenant_id     varchar(12)  not null,
    name          varchar(200) not null,
    main          boolean      not null,
    opening_hours text         not null,
    version       integer      not null,
    received_at   timestamptz  not null default now()
);
create index booking_hall_tenant_idx on booking_hall (tenant_id);

-- A day on which a hall departs from its weekly hours: closed, or open with its own periods (a weekend
-- booking day, an off-hours session: A1, A3). Wins over the working calendar for that hall.
create table booking_hall_day (
    tenant_id varchar(12)  not null,
    hall_id   uuid         not null,
    date      date         not null,
    closed    boolean      not null,
    periods   text         not null,   -- JSON [{opens, closes}], empty when closed
    reason    varchar(200),
    primary key (hall_id, date)
);

-- The windows of a hall with their business categories (A5): how many serve bookings sets a slot's capacity.
create table booking_window (
    window_id  uuid        primary key,
    tenant_id  varchar(12) not null,
    hall_id    uuid        not null,
    kind       varchar(20) not null,
    categories text        not null    -- JSON [{code, name}]
);
create index booking_window_hall_idx on booking_window (hall_id);

do $$
declare t text;
begin
    foreach t in array array['booking_hall', 'booking_hall_day', 'booking_window'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy %I on %I for select using (tenant_id = current_setting('app.tenant_id', true))$p$,
                       t || '_read', t);
        execute format($p$create policy %I on %I for all
                           using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_write', t);
    end loop;
end $$;
