-- Cases (办件, C1–C9, C16). All tenant rows under forced row-level security like tenant-service's:
-- reads need app.tenant_id, writes also app.tenant_write = 'on'.

-- Case numbers 441825-2026-000123: one counter row per tenant and year, taken with an upsert that
-- locks the row until the filing commits (a rolled-back filing gives its number back: no gaps, no
-- duplicates under concurrency).
create table case_number_counter (
    tenant_id varchar(12) not null,
    year      integer     not null,
    last      integer     not null check (last >= 1),
    primary key (tenant_id, year)
);

create table case_file (
    id                    uuid         primary key,
    tenant_id             varchar(12)  not null,
    case_number           varchar(30)  not null,
    citizen_id            varchar(64)  not null,   -- the applicant's account (token subject)
    idempotency_key       varchar(100) not null,
    request_hash          varchar(64)  not null,   -- a key reused for another request is a CONFLICT
    receiving_tenant_id   varchar(12),             -- the hall's tenant where it differs (C12)
    item_id               varchar(60)  not null,
    guide_version_id      varchar(60)  not null,   -- the version filed under, kept for good
    guide_version         integer      not null,
    item_name             varchar(300) not null,
    case_class            varchar(12)  not null,
    limit_value           integer      not null check (limit_value >= 0),
    limit_unit            varchar(12)  not null check (limit_unit in ('WORKING_DAY', 'NATURAL_DAY')),
    tolerated_allowed     boolean      not null,
    applicant_kind        varchar(10)  not null check (applicant_kind in ('INDIVIDUAL', 'ENTERPRISE')),
    applicant_name        varchar(100) not null,
    -- personal data (M3): sealed (AES-GCM), a keyed blind index for exact lookup, and the masked form
    applicant_id_sealed   text         not null,
    applicant_id_index    varchar(64)  not null,
    applicant_id_masked   varchar(40)  not null,
    contact_name          varchar(100) not null,
    contact_phone_sealed  text         not null,
    contact_phone_masked  varchar(20)  not null,
    delivery_mode         varchar(30)  not null,
    materials             text         not null,   -- JSON [{name, copies, uploadId}]
    status                varchar(20)  not null check (status in ('SUBMITTED', 'CORRECTION_REQUIRED', 'ACCEPTED',
                                                                  'REJECTED', 'COMPLETED', 'DELIVERED', 'WITHDRAWN')),
    result                varchar(10)  check (result in ('APPROVED', 'DENIED')),
    result_reason         varchar(500),
    holder                varchar(200),
    first_responsible     varchar(200) not null,   -- T8
    first_responsible_tel varchar(60)  not null,
    submitted_at          timestamptz  not null,
    accepted_on           date,
    -- C4: the day the clock starts (the acceptance day, or the day corrected materials arrived);
    -- the deadline is derived from it, the limit, the pauses and an approved extension, and kept
    -- here only to sort and warn (recomputed whenever one of those changes)
    clock_start           date,
    deadline              date,
    tolerated_missing     text,                    -- JSON [names] accepted missing (C5)
    tolerated_due         date,
    notice_round          integer      not null default 0,
    extension_days        integer,
    extension_reason      varchar(500),
    extension_state       varchar(10)  check (extension_state in ('REQUESTED', 'APPROVED', 'REFUSED')),
    extension_by          varchar(100),
    extension_decided_by  varchar(100),
    delivered_at          timestamptz,
    delivery_confirmed_at timestamptz,
    version               bigint       not null default 0,
    updated_at            timestamptz  not null,
    unique (tenant_id, case_number),
    unique (tenant_id, citizen_id, idempotency_key)
);
-- the staff inbox: open cases by deadline (keyset)
-- (cases not yet accepted have no deadline and sort last)
create index case_file_inbox_idx on case_file (tenant_id, (coalesce(deadline, date '9999-12-31')), submitted_at, id)
    where status in ('SUBMITTED', 'CORRECTION_REQUIRED', 'ACCEPTED', 'COMPLETED');
create index case_file_applicant_idx on case_file (tenant_id, applicant_id_index);

-- Paused intervals (C4): facts, [from_date, to_date); to_date null while the pause lasts.
create table case_pause (
    id        bigint generated always as identity primary key,
    tenant_id varchar(12) not null,
    case_id   uuid        not null references case_file (id),
    kind      varchar(20) not null check (kind in ('CORRECTION', 'APPLICANT_DELAY', 'TRANSIT')),
    from_date date        not null,
    to_date   date,
    check (to_date is null or to_date >= from_date)
);
create index case_pause_case_idx on case_pause (case_id);

-- One-time notices (C2): one per round, by the primary key as well as by the service's check.
create table case_notice (
    tenant_id   varchar(12)  not null,
    case_id     uuid         not null references case_file (id),
    round       integer      not null check (round >= 1),
    items       text         not null,
    issued_at   timestamptz  not null,
    issued_by   varchar(100) not null,
    window_name varchar(100),
    answered_at timestamptz,
    primary key (case_id, round)
);

-- The record of every action on a case (C16: who, when, what, from which window). Archived and
-- never rewritten: the application role may only add to it, and a trigger refuses any UPDATE or
-- DELETE by anyone (the owner included), as the catalog does for announced guide versions.
create table case_action (
    seq         bigint generated always as identity primary key,
    tenant_id   varchar(12)   not null,
    case_id     uuid          not null references case_file (id),
    at          timestamptz   not null default now(),
    actor_kind  varchar(10)   not null check (actor_kind in ('CITIZEN', 'STAFF', 'SYSTEM')),
    actor_id    varchar(64)   not null,
    actor_name  varchar(100)  not null,
    window_name varchar(100),
    action      varchar(30)   not null,
    status      varchar(20)   not null,
    note        varchar(2000)
);
create index case_action_case_idx on case_action (case_id, seq);

create function case_action_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_action is an append-only record (C16): % refused', TG_OP
        using errcode = 'integrity_constraint_violation';
end $$;
create trigger case_action_no_rewrite before update or delete on case_action
    for each row execute function case_action_append_only();
create trigger case_action_no_truncate before truncate on case_action
    for each statement execute function case_action_append_only();
revoke update, delete, truncate on case_action from zwy_app;

-- A citizen's cases across tenants ("my cases"): ids only, no personal data; read by the citizen's
-- own account id only (checked in the service), so it is platform data without RLS.
create table citizen_case (
    case_id      uuid        primary key,
    citizen_id   varchar(64) not null,
    tenant_id    varchar(12) not null,
    submitted_at timestamptz not null
);
create index citizen_case_list_idx on citizen_case (citizen_id, submitted_at desc, case_id desc);

do $$
declare t text;
begin
    foreach t in array array['case_number_counter', 'case_file', 'case_pause', 'case_notice', 'case_action'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (tenant_id = current_setting(''app.tenant_id'', true))',
                       t || '_read', t);
        execute format('create policy %I on %I for insert with check (tenant_id = current_setting(''app.tenant_id'', true) '
                       'and current_setting(''app.tenant_write'', true) = ''on'')', t || '_insert', t);
        if t <> 'case_action' then
            execute format('create policy %I on %I for update using (tenant_id = current_setting(''app.tenant_id'', true)) '
                           'with check (tenant_id = current_setting(''app.tenant_id'', true) '
                           'and current_setting(''app.tenant_write'', true) = ''on'')', t || '_update', t);
        end if;
    end loop;
end $$;
