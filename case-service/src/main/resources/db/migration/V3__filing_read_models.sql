-- Local read models of what cases need from tenant-service, fed by its events (no synchronous call
-- on the citizen's or the clerk's path). Only consumers write them.

-- Announced guide versions (catalog.guide.published / withdrawn), with what a case keeps of them.
-- The version in effect on a day: the announced row with the latest effective_from not after it
-- (ties: the higher number), as in tenant-service; a WITHDRAWN one in effect means "not offered".
create table guide_version_model (
    version_id        varchar(60)  primary key,  -- <tenant>:<uuid>, as the catalog answers it
    item_id           varchar(60)  not null,
    tenant_id         varchar(12)  not null,
    tenant_name       varchar(100) not null,
    number            integer      not null,
    status            varchar(10)  not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    effective_from    date         not null,
    name              varchar(300) not null,
    case_class        varchar(12),
    promised_value    integer,
    promised_unit     varchar(12),
    tolerated_missing boolean      not null,
    cross_region      varchar(12)  not null,
    consult_phone     varchar(60),
    window_name       varchar(200),
    materials         text         not null,     -- JSON [{name, required, toleratedMissing}]
    received_at       timestamptz  not null default now(),
    unique (item_id, number)
);
create index guide_version_model_in_effect_idx on guide_version_model (item_id, effective_from desc, number desc);

alter table guide_version_model enable row level security;
alter table guide_version_model force row level security;
create policy guide_version_model_read on guide_version_model for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy guide_version_model_write on guide_version_model for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

-- The national calendar (calendar.national.year): platform data, the same for every tenant (no RLS).
-- Only listed days: statutory days off (off_day) and make-up workdays; ordinary weekends are not listed.
create table national_calendar_year (
    year        integer     primary key,
    received_at timestamptz not null default now()
);
create table national_calendar_day (
    date    date    primary key,
    year    integer not null references national_calendar_year (year) on delete cascade,
    off_day boolean not null
);

-- A tenant's closures and extra working days (calendar.tenant.day.set / removed).
create table tenant_calendar_day (
    tenant_id varchar(12) not null,
    date      date        not null,
    working   boolean     not null,
    primary key (tenant_id, date)
);
alter table tenant_calendar_day enable row level security;
alter table tenant_calendar_day force row level security;
create policy tenant_calendar_day_read on tenant_calendar_day for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy tenant_calendar_day_write on tenant_calendar_day for all
    using (tenant_id = current_setting('app.tenant_id', true)
           and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');
