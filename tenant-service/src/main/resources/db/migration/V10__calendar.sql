-- Working-day calendar (C4, A4).

-- The national calendar: platform reference data, the same for every tenant (no RLS).
-- A year is "loaded" when it has a row here; only a year with days gets one, so a published
-- but still empty holiday-cn file (the notice is not out yet) counts as not loaded.
create table national_calendar_year (
    year      integer      primary key check (year between 1949 and 2200),
    papers    text         not null default '',   -- the State Council notices, one URL per line
    source    varchar(200) not null,              -- where the data came from (file or administrator)
    loaded_by varchar(100),
    loaded_at timestamptz  not null default now()
);

-- Listed days only: statutory days off (is_off_day) and make-up workdays (调休, not is_off_day).
-- Ordinary weekends are not listed.
create table national_calendar_day (
    date       date        primary key,
    year       integer     not null references national_calendar_year (year) on delete cascade,
    name       varchar(50) not null,
    is_off_day boolean     not null,
    check (extract(year from date) = year)
);
create index national_calendar_day_year_idx on national_calendar_day (year);

-- A tenant's own closures (working = false) and extra working days (working = true).
create table tenant_calendar_day (
    id         bigint generated always as identity primary key,
    tenant_id  varchar(12)  not null references tenant (code),
    date       date         not null,
    working    boolean      not null,
    reason     varchar(200) not null check (length(trim(reason)) > 0),
    updated_by varchar(100) not null,
    updated_at timestamptz  not null default now(),
    unique (tenant_id, date)
);

-- A hall's special days: closed, or open with its own periods (e.g. a weekend booking day, A1/A3).
-- periods holds the same JSON as one weekday's periods in hall.opening_hours ('[]' when closed).
create table hall_special_day (
    id         bigint generated always as identity primary key,
    tenant_id  varchar(12)  not null references tenant (code),
    hall_id    uuid         not null references hall (id),
    date       date         not null,
    closed     boolean      not null,
    periods    text         not null,
    reason     varchar(200) not null check (length(trim(reason)) > 0),
    updated_by varchar(100) not null,
    updated_at timestamptz  not null default now(),
    unique (hall_id, date)
);
create index hall_special_day_tenant_idx on hall_special_day (tenant_id, hall_id, date);

-- Row-level security (T2) like hall: forced, reads need app.tenant_id, writes also
-- app.tenant_write = 'on' (a provincial administrator's read scope cannot write). Unlike hall,
-- the write policy's USING also needs tenant_write: a DELETE is checked by USING only, and
-- closures are deleted (hall rows never are).
alter table tenant_calendar_day enable row level security;
alter table tenant_calendar_day force row level security;
create policy tenant_calendar_day_read on tenant_calendar_day for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_calendar_day_write on tenant_calendar_day for all
    using (tenant_id = current_setting('app.tenant_id', true)
           and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

alter table hall_special_day enable row level security;
alter table hall_special_day force row level security;
create policy hall_special_day_read on hall_special_day for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy hall_special_day_write on hall_special_day for all
    using (tenant_id = current_setting('app.tenant_id', true)
           and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');
