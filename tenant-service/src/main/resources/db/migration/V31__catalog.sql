-- Service catalog (S1–S7): the provinces' standard items and the tenants' localised guides.

-- ------------------------------------------------------------------ standard catalog
-- Platform data keyed by province: anyone reads it, the province's administrator changes it
-- (checked in the service). An item's identity (type and codes) never changes; everything else
-- changes by appending a version announced with its S6 notice, so the history is the table.
create table standard_item (
    id            uuid        primary key,
    province_code varchar(2)  not null references region (code),
    item_type     varchar(20) not null,
    main_code     varchar(5)  not null check (main_code ~ '^\d{5}$'),
    sub_code      varchar(3)  not null check (sub_code ~ '^\d{3}$'),
    grand_code    varchar(2)  check (grand_code ~ '^[0-9A-Z]{2}$'),
    -- type code (2 digits) + main (5) + sub (3) [+ grand-sub (2)], see CatalogCodes
    basic_code    varchar(12) not null check (basic_code ~ '^\d{10}([0-9A-Z]{2})?$'),
    created_at    timestamptz not null default now(),
    unique (province_code, basic_code)
);

create table standard_item_version (
    id             uuid         primary key,
    item_id        uuid         not null references standard_item (id),
    number         integer      not null check (number >= 1),
    kind           varchar(10)  not null check (kind in ('ADD', 'CHANGE', 'DELEGATE', 'CANCEL')),
    reason         varchar(500) not null check (length(trim(reason)) > 0),
    urgent         boolean      not null,
    announced_at   timestamptz  not null,
    announced_by   varchar(100) not null,
    effective_from date         not null,
    name           varchar(300) not null,
    content        text         not null,
    unique (item_id, number)
);
create index standard_item_version_in_effect_idx on standard_item_version (item_id, effective_from desc, number desc);
create index standard_item_province_idx on standard_item (province_code, basic_code, id);

-- identity and announced versions are never rewritten
revoke update, delete, truncate on standard_item_version from zwy_app;
-- standard_item keeps UPDATE only so that SELECT … FOR UPDATE can serialise changes of one item
revoke delete, truncate on standard_item from zwy_app;

-- ------------------------------------------------------------------ tenant guides
-- A tenant's adoption of a standard item; its guide lives in versions.
create table guide (
    id               uuid        primary key,
    tenant_id        varchar(12) not null references tenant (code),
    standard_item_id uuid        not null references standard_item (id),
    basic_code       varchar(12) not null,
    created_at       timestamptz not null default now(),
    unique (tenant_id, standard_item_id)
);
-- keyset order of the citizen list: (basic_code, id) within a tenant
create index guide_tenant_order_idx on guide (tenant_id, basic_code, id);

-- Versions: at most one DRAFT per guide (edited in place); PUBLISHED and WITHDRAWN rows are
-- announcements with an effective date and never change (trigger below). The version in
-- effect on a day is the announced row with the latest effective_from not after it (ties:
-- the higher number); "superseded" and "scheduled" are derived, not stored.
create table guide_version (
    id                  uuid         primary key,
    tenant_id           varchar(12)  not null references tenant (code),
    guide_id            uuid         not null references guide (id),
    number              integer      check (number >= 1),
    status              varchar(10)  not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    change_kind         varchar(10)  check (change_kind in ('ADD', 'CHANGE', 'CANCEL')),
    reason              varchar(500),
    announced_at        timestamptz,
    announced_by        varchar(100),
    effective_from      date,
    standard_version_id uuid         references standard_item_version (id),
    -- denormalised from content for the citizen list and its filters
    name                varchar(300) not null,
    item_type           varchar(20)  not null,
    case_class          varchar(12),
    department          varchar(200),
    promised_limit      integer,
    promised_unit       varchar(12),
    tags                varchar(200) not null default '',
    tolerated_missing   boolean      not null default false,
    cross_region        varchar(12)  not null default 'NONE',
    content             text         not null,
    updated_at          timestamptz  not null default now(),
    check ((status = 'DRAFT') = (number is null)),
    check (status = 'DRAFT' or (change_kind is not null and reason is not null and announced_at is not null
                                and announced_by is not null and effective_from is not null)),
    unique (guide_id, number)
);
create unique index guide_version_one_draft on guide_version (guide_id) where status = 'DRAFT';
create index guide_version_in_effect_idx on guide_version (guide_id, effective_from desc, number desc) where status <> 'DRAFT';

create function guide_version_frozen() returns trigger language plpgsql as $$
begin
    if OLD.status <> 'DRAFT' then
        raise exception 'guide version % is % and never changes; publish a new version instead', OLD.id, OLD.status
            using errcode = 'integrity_constraint_violation';
    end if;
    if TG_OP = 'DELETE' then
        return OLD;
    end if;
    return NEW;
end $$;
create trigger guide_version_frozen before update or delete on guide_version
    for each row execute function guide_version_frozen();

alter table guide enable row level security;
alter table guide force row level security;
create policy guide_tenant_read on guide for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy guide_tenant_write on guide for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

alter table guide_version enable row level security;
alter table guide_version force row level security;
create policy guide_version_tenant_read on guide_version for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy guide_version_tenant_write on guide_version for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');
