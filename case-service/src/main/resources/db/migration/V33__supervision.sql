-- Approval–supervision split (审管分离, C15): when a case completes, its result and a reference to its
-- materials are pushed to the item's supervising department (set per item by the centre administrator),
-- which finds them in its inbox and acknowledges them.

-- The tenant's departments (T5), from tenant-service's organisation.department.created events.
create table department_model (
    id         uuid          primary key,
    tenant_id  varchar(12)   not null,
    hall_id    uuid,
    name       varchar(100)  not null
);

create table supervision_item (
    tenant_id      varchar(12)   not null,
    item_id        varchar(60)   not null,
    department_id  uuid          not null references department_model (id),
    changed_by     varchar(100)  not null,
    changed_at     timestamptz   not null,
    primary key (tenant_id, item_id)
);

create table supervision_push (
    case_id          uuid          primary key references case_file (id),
    tenant_id        varchar(12)   not null,
    department_id    uuid          not null references department_model (id),
    case_number      varchar(40)   not null,
    item_id          varchar(60)   not null,
    item_name        varchar(300)  not null,
    result           varchar(16)   not null,
    result_reason    varchar(1000),
    materials        text          not null,   -- JSON [{name, copies, uploadId}]: references, no content
    completed_at     timestamptz   not null,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(100)
);
create index supervision_push_inbox_idx on supervision_push (tenant_id, department_id, completed_at desc, case_id desc);

do $$
declare t text;
begin
    foreach t in array array['department_model', 'supervision_item', 'supervision_push'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (tenant_id = current_setting(''app.tenant_id'', true))', t || '_read', t);
        execute format('create policy %I on %I for insert with check (tenant_id = current_setting(''app.tenant_id'', true) '
                       'and current_setting(''app.tenant_write'', true) = ''on'')', t || '_insert', t);
        execute format('create policy %I on %I for update using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true) '
                       'and current_setting(''app.tenant_write'', true) = ''on'')', t || '_update', t);
    end loop;
end $$;
