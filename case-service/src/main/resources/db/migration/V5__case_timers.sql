-- The persistent scheduler (db-scheduler's table for PostgreSQL): one row per pending timer; an
-- instance picks a due row with a conditional update, so a timer fires once across instances, and
-- rows outlive restarts. Platform data (no RLS): a timer names its case (<tenant>:<uuid>), and its
-- handler binds that tenant before touching any case row.
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

-- The dishonesty list (失信名单, C5): an applicant who missed a 容缺 due date. Visible to the tenant's
-- staff only (never to other citizens), appealable, expiring.
create table dishonesty_entry (
    id                 uuid         primary key,
    tenant_id          varchar(12)  not null,
    case_id            uuid         not null unique references case_file (id),
    applicant_id_index varchar(64)  not null,
    applicant_name     varchar(100) not null,
    reason             varchar(500) not null,
    listed_on          date         not null,
    expires_on         date         not null,
    appeal             varchar(500),
    check (expires_on > listed_on)
);
create index dishonesty_entry_applicant_idx on dishonesty_entry (tenant_id, applicant_id_index);

alter table dishonesty_entry enable row level security;
alter table dishonesty_entry force row level security;
create policy dishonesty_entry_read on dishonesty_entry for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy dishonesty_entry_insert on dishonesty_entry for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy dishonesty_entry_update on dishonesty_entry for update
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
