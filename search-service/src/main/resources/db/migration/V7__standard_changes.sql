-- catalog.standard.changed reaches the indexed guides (issue 10, ADR 0031). Platform data, no tenant rows.

-- The payload of the guide version each document was made from (the stream, a timer, a rebuild's read, a
-- benchmark's load): a change of the province's standard item re-makes the documents of the items adopting it
-- from these, by the one function that makes documents, without asking tenant-service.
create table guide_source (
    item_id          varchar(60)  primary key,
    tenant_id        varchar(12)  not null,
    standard_item_id uuid,
    number           int          not null,
    payload          text         not null,
    applied_at       timestamptz  not null default now()
);
create index guide_source_standard_idx on guide_source (standard_item_id);

-- Every announced version of a standard item seen on the stream: a document is made with the newest one in effect
-- on the day (when it is newer than the guide's own snapshot), whatever the order in which events and timers come.
-- A version announced for a later day has a timer on that day (scheduled_tasks, instance id std:<version id>).
create table standard_version (
    version_id       uuid         primary key,
    standard_item_id uuid         not null,
    number           int          not null,
    effective_from   date         not null,
    payload          text         not null,
    received_at      timestamptz  not null default now()
);
create index standard_version_item_idx on standard_version (standard_item_id, number);
