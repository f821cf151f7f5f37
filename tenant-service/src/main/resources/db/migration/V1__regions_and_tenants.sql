-- Platform reference data: the division tree and the registry of onboarded tenants.
-- Both are public (anyone may read which regions are tenants) and hold no tenant-private rows.
create table region (
    code        varchar(12)  primary key check (code ~ '^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$'),
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE')),
    parent_code varchar(12)  references region (code)
);
create index region_parent_idx on region (parent_code);

create table tenant (
    code         varchar(12)  primary key references region (code),
    name         varchar(100) not null,
    status       varchar(12)  not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    onboarded_at timestamptz  not null default now()
);

-- The one event path: rows written in the same transaction as the change, relayed to Redis Streams.
create table outbox_event (
    seq            bigint generated always as identity primary key,
    id             uuid         not null unique,
    event_type     varchar(60)  not null,
    tenant_id      varchar(12)  not null,
    aggregate_type varchar(40)  not null,
    aggregate_id   varchar(64)  not null,
    occurred_at    timestamptz  not null,
    payload        text         not null,
    published_at   timestamptz
);
create index outbox_unpublished_idx on outbox_event (seq) where published_at is null;
