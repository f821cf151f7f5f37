-- The one event path (same shape in every writing service): rows written in the same
-- transaction as the change, relayed to Redis Streams by the shared OutboxRelay.
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

-- Events this service has consumed (idempotent consumers).
create table processed_event (
    consumer_group varchar(60) not null,
    event_id       uuid        not null,
    event_type     varchar(60) not null,
    tenant_id      varchar(12),
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);
