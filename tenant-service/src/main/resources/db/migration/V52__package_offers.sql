-- ADR 0035: what each tenant last announced of its "one thing" packages (its own and those its province and city
-- define for it): offered as a version, or withdrawn. A guide announcement taking effect re-computes the tenant's
-- packages and announces only the difference (catalog.package.published / catalog.package.withdrawn), so a
-- recomputation that finds nothing new announces nothing. Rewritten in place: a state, not a history (the events are).
create table package_offer (
    tenant_id    varchar(12)  not null references tenant (code),
    package_id   uuid         not null,   -- the tenant's own package's id, or the region package's (offered as <tenant>:<id>)
    version      integer      not null,
    offered      boolean      not null,
    changed_at   timestamptz  not null default now(),
    primary key (tenant_id, package_id)
);
alter table package_offer enable row level security;
alter table package_offer force row level security;
create policy package_offer_tenant_read on package_offer for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy package_offer_tenant_write on package_offer for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

-- The persistent scheduler (db-scheduler's table for PostgreSQL, as case-service's V5 and search-service's V4): one
-- row per pending timer, picked by one instance with a conditional update, outliving restarts. Here a timer is a guide
-- announcement's effective day (instance id <tenant>|<guide version id>).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
