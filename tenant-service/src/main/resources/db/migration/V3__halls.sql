-- Halls (服务大厅) of a tenant and the append-only record of every change to them.
create table hall (
    id            uuid         primary key,
    tenant_id     varchar(12)  not null references tenant (code),
    region_code   varchar(12)  not null references region (code),
    level         varchar(10)  not null check (level in ('COUNTY', 'TOWN', 'VILLAGE')),
    main          boolean      not null default false,
    name          varchar(100) not null check (length(trim(name)) > 0),
    address       varchar(200) not null,
    phone         varchar(40)  not null,
    opening_hours text         not null,
    version       integer      not null default 0,
    updated_at    timestamptz  not null default now()
);
create unique index hall_one_main_per_tenant on hall (tenant_id) where main;
create index hall_tenant_idx on hall (tenant_id);

create table hall_change (
    seq             bigint generated always as identity primary key,
    tenant_id       varchar(12)  not null references tenant (code),
    hall_id         uuid         not null references hall (id),
    changed_at      timestamptz  not null default now(),
    changed_by      varchar(100) not null,
    changed_by_name varchar(100),
    changed_by_id   varchar(64)  not null,
    changed_fields  varchar(200) not null,
    before_state    text         not null,
    after_state     text         not null
);
create index hall_change_tenant_idx on hall_change (tenant_id, seq desc);

-- Row-level security (T2), forced so that even the owner obeys it. The service sets
-- app.tenant_id and app.tenant_write with set_config(..., true) at the start of each
-- transaction; without them no row is visible and nothing can be written.
alter table hall enable row level security;
alter table hall force row level security;
create policy hall_tenant_read on hall for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy hall_tenant_write on hall for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

alter table hall_change enable row level security;
alter table hall_change force row level security;
create policy hall_change_tenant_read on hall_change for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy hall_change_tenant_insert on hall_change for insert
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

-- The change record is never rewritten (the application role may only add to it).
revoke update, delete, truncate on hall_change from zwy_app;
