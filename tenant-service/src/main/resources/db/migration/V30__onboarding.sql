-- Offboarding suspends a tenant: its data stays, the reason and time are kept.
alter table tenant add column suspended_at timestamptz;
alter table tenant add column suspension_reason varchar(200);
alter table tenant add column level varchar(10) not null default 'COUNTY' check (level in ('COUNTY', 'TOWN'));

-- Events tenant-service consumes itself (staff provisioning in Keycloak), recorded for idempotency.
create table processed_event (
    consumer_group varchar(60) not null,
    event_id       uuid        not null,
    event_type     varchar(60) not null,
    tenant_id      varchar(12),
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
