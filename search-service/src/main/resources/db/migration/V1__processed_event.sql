-- Ids of the stream events this service has handled, per consumer group: a redelivered
-- event (at-least-once delivery) is recognised and skipped. Platform data, no tenant rows.
create table processed_event (
    consumer_group varchar(60)  not null,
    event_id       uuid         not null,
    event_type     varchar(60)  not null,
    tenant_id      varchar(12)  not null,
    processed_at   timestamptz  not null default now(),
    primary key (consumer_group, event_id)
);
