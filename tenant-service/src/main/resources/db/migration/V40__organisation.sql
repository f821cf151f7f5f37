-- Organisation of a tenant (T3–T7): more halls (town centres, village stations), staff,
-- departments stationed in a hall, windows with their business categories, AB岗 assignments.

-- Village stations have 12-digit codes; the division data stops at towns (9 digits), so a hall's
-- region code can no longer reference the region table. tenant-service checks the code instead:
-- a town must be in the region table, a village must lie under one of the tenant's towns.
alter table hall drop constraint hall_region_code_fkey;
-- a site (a staff member's "site" attribute) is identified by its region code: one town centre or
-- village station per code (the main hall carries the tenant's own code, which no site can have)
create unique index hall_one_site_per_region on hall (tenant_id, region_code) where not main;
-- composite keys so that rows of one tenant can only reference rows of the same tenant (T2),
-- whatever RLS shows: foreign-key checks do not go through row-level security
create unique index hall_tenant_id_key on hall (tenant_id, id);

-- Staff (T6, T7). The account itself lives in Keycloak (realm staff); this row is the tenant's
-- record of it, kept in step by StaffService (docs/adr/0006).
create table staff (
    id           uuid         primary key,
    tenant_id    varchar(12)  not null references tenant (code),
    username     varchar(60)  not null,
    family_name  varchar(20)  not null check (length(trim(family_name)) > 0),
    given_name   varchar(20)  not null check (length(trim(given_name)) > 0),
    roles        varchar(200) not null,            -- T7 role names, comma-separated, sorted
    site         varchar(12),                      -- region code of the hall where the person works
    enabled      boolean      not null default true,
    keycloak_id  varchar(64),                      -- null for a record made without touching Keycloak
    created_by   varchar(100) not null,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    version      integer      not null default 0,
    unique (tenant_id, id)
);
-- Keycloak usernames are unique in the realm, so they are unique here across tenants too
create unique index staff_username_key on staff (username);
create index staff_tenant_idx on staff (tenant_id, username);

-- Departments stationed in a hall (进驻部门, T5) with their chief representative (首席代表).
create table department (
    id           uuid         primary key,
    tenant_id    varchar(12)  not null references tenant (code),
    hall_id      uuid         not null,
    name         varchar(100) not null check (length(trim(name)) > 0),
    chief_id     uuid,
    created_at   timestamptz  not null default now(),
    unique (tenant_id, id),
    unique (hall_id, name),
    foreign key (tenant_id, hall_id) references hall (tenant_id, id),
    foreign key (tenant_id, chief_id) references staff (tenant_id, id)
);
create index department_tenant_idx on department (tenant_id, hall_id);

-- Windows (窗口, T4): comprehensive, or a department's own window. categories: the business
-- categories of the queue (A5) as JSON [{"code":"A","name":"综合受理"}, …].
create table service_window (
    id            uuid         primary key,
    tenant_id     varchar(12)  not null references tenant (code),
    hall_id       uuid         not null,
    number        varchar(10)  not null check (length(trim(number)) > 0),
    name          varchar(100) not null check (length(trim(name)) > 0),
    kind          varchar(15)  not null check (kind in ('COMPREHENSIVE', 'DEPARTMENT')),
    department_id uuid,
    categories    text         not null default '[]',
    created_at    timestamptz  not null default now(),
    unique (tenant_id, id),
    unique (hall_id, number),
    check ((kind = 'DEPARTMENT') = (department_id is not null)),
    foreign key (tenant_id, hall_id) references hall (tenant_id, id),
    foreign key (tenant_id, department_id) references department (tenant_id, id)
);
create index service_window_tenant_idx on service_window (tenant_id, hall_id, number);

-- AB岗 (T6): per window at most one A holder and one B holder, never the same person.
create table window_assignment (
    id          uuid         primary key,
    tenant_id   varchar(12)  not null references tenant (code),
    window_id   uuid         not null,
    staff_id    uuid         not null,
    position    char(1)      not null check (position in ('A', 'B')),
    assigned_by varchar(100) not null,
    assigned_at timestamptz  not null default now(),
    foreign key (tenant_id, window_id) references service_window (tenant_id, id),
    foreign key (tenant_id, staff_id) references staff (tenant_id, id)
);
create unique index window_one_a_holder on window_assignment (window_id) where position = 'A';
create unique index window_one_b_holder on window_assignment (window_id) where position = 'B';
create unique index window_holder_once on window_assignment (window_id, staff_id);
create index window_assignment_tenant_idx on window_assignment (tenant_id, window_id);

-- Row-level security (T2) as for the calendar tables: forced; reads need app.tenant_id; every
-- write (insert, update, delete) also needs app.tenant_write = 'on', in USING and WITH CHECK.
do $$
declare t text;
begin
    foreach t in array array['staff', 'department', 'service_window', 'window_assignment'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (tenant_id = current_setting(''app.tenant_id'', true))',
                       t || '_tenant_read', t);
        execute format('create policy %I on %I for all '
                       'using (tenant_id = current_setting(''app.tenant_id'', true) and current_setting(''app.tenant_write'', true) = ''on'') '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true) and current_setting(''app.tenant_write'', true) = ''on'')',
                       t || '_tenant_write', t);
    end loop;
end $$;
