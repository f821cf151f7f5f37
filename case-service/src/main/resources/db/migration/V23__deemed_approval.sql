-- C9 deemed approval on timeout (超时默认): a tenant switches it on per item; a case accepted while
-- it is on carries the promise (told in its acceptance notice), so switching it off later does not
-- take back what the applicant was told.
create table deemed_approval_item (
    tenant_id   varchar(12)  not null,
    item_id     varchar(60)  not null,
    enabled     boolean      not null,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null,
    primary key (tenant_id, item_id)
);

create table case_deemed_approval (
    case_id     uuid         primary key references case_file (id),
    tenant_id   varchar(12)  not null,
    promised_on date         not null
);

do $$
declare t text;
begin
    foreach t in array array['deemed_approval_item', 'case_deemed_approval'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (tenant_id = current_setting(''app.tenant_id'', true))',
                       t || '_read', t);
        execute format('create policy %I on %I for insert with check (tenant_id = current_setting(''app.tenant_id'', true) '
                       'and current_setting(''app.tenant_write'', true) = ''on'')', t || '_insert', t);
        execute format('create policy %I on %I for update using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true) '
                       'and current_setting(''app.tenant_write'', true) = ''on'')', t || '_update', t);
    end loop;
end $$;
