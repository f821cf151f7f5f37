-- M3: every full read of an applicant's ID or phone number by staff is recorded: who (realm, id,
-- name), which field of which case, why, when. Append-only: the application role may only add,
-- and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone, the owner included, so that no
-- code path and no hand-written statement can rewrite who read what.
create table personal_data_read (
    seq          bigint generated always as identity primary key,
    tenant_id    varchar(12)  not null,
    case_id      varchar(64)  not null,
    field        varchar(40)  not null,
    reader_realm varchar(10)  not null,
    reader_id    varchar(64)  not null,
    reader_name  varchar(100),
    reason       varchar(200) not null,
    read_at      timestamptz  not null default now()
);
create index personal_data_read_case_idx on personal_data_read (tenant_id, case_id, seq);
create index personal_data_read_reader_idx on personal_data_read (tenant_id, reader_id, seq);

alter table personal_data_read enable row level security;
alter table personal_data_read force row level security;
create policy personal_data_read_tenant_read on personal_data_read for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy personal_data_read_tenant_insert on personal_data_read for insert
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

create function personal_data_read_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'personal_data_read is an append-only audit record (M3): % refused', TG_OP
        using errcode = 'insufficient_privilege';
end $$;
create trigger personal_data_read_no_rewrite before update or delete on personal_data_read
    for each row execute function personal_data_read_append_only();
create trigger personal_data_read_no_truncate before truncate on personal_data_read
    for each statement execute function personal_data_read_append_only();

revoke update, delete, truncate on personal_data_read from zwy_app;
