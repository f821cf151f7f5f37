-- Guide search as a projection of the catalog's events (ADR 0019). Platform data, no tenant rows
-- to protect (published guides are public); the event consumer and the timers write here.

-- A guide version announced to take effect on a later day: the event's payload waits here until the
-- timer of its effective date (scheduled_tasks, V4) puts it into the index.
create table guide_pending_version (
    version_id     varchar(60)  primary key,
    item_id        varchar(60)  not null,
    tenant_id      varchar(12)  not null,
    number         int          not null,
    effective_from date         not null,
    payload        text         not null,
    received_at    timestamptz  not null default now()
);
create index guide_pending_version_item_idx on guide_pending_version (item_id, number);
create index guide_pending_version_due_idx on guide_pending_version (effective_from);

-- Suspended tenants (tenant.suspended, until tenant.onboarded with reactivated): every query leaves
-- their guides out; the documents stay, so reactivation needs no rebuild.
create table guide_hidden_tenant (
    tenant_id  varchar(12)  primary key,
    reason     varchar(500),
    hidden_at  timestamptz  not null default now()
);

-- Every tenant a guide event was seen of: a rebuild reads these tenants' catalogs from tenant-service.
create table guide_tenant (
    tenant_id  varchar(12)  primary key,
    seen_at    timestamptz  not null default now()
);
