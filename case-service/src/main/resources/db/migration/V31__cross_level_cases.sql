-- Cross-level cases (跨层联办, C11, seed 003 跨层联办工作制度): the unit that first received and accepted a
-- case reviews it and sends it up to the level above on the platform (town → county); the upper level
-- sees it in its inbox and replies; the first-receiving unit stays responsible, tracks it and answers the
-- applicant within its promised limit (首接受理、通知相关、跟踪联办、负责到底).

-- Tenants on the platform (from tenant-service's events: a main hall's hall.changed, tenant.onboarded,
-- tenant.suspended): public facts, platform data like citizen_case. A case goes up to the nearest active
-- tenant above its own on the division tree.
create table tenant_model (
    tenant_code  varchar(12)   primary key,
    name         varchar(200)  not null,
    active       boolean       not null
);

alter table case_file add column escalated_to varchar(12);

-- the upper level's queue (ESCALATED_TO_US)
create index case_file_escalated_idx on case_file (escalated_to, (coalesce(deadline, date '9999-12-31')), submitted_at, id)
    where escalated_to is not null;

create table case_escalation (
    case_id          uuid          primary key references case_file (id),
    tenant_id        varchar(12)   not null,   -- the first-receiving unit (the case's owner)
    upper_tenant_id  varchar(12)   not null,
    reason           varchar(500)  not null,
    escalated_on     date          not null,
    escalated_by     varchar(100)  not null,
    state            varchar(16)   not null check (state in ('AWAITING_UPPER', 'ANSWERED')),
    approved         boolean,
    reply            varchar(1000),
    replied_on       date,
    replied_by       varchar(100),
    reply_window     varchar(100),
    check (upper_tenant_id <> tenant_id),
    check ((state = 'ANSWERED') = (approved is not null and reply is not null and replied_on is not null))
);

alter table case_escalation enable row level security;
alter table case_escalation force row level security;
create policy case_escalation_read on case_escalation for select
    using (tenant_id = current_setting('app.tenant_id', true) or upper_tenant_id = current_setting('app.tenant_id', true));
create policy case_escalation_insert on case_escalation for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
-- only the upper level replies
create policy case_escalation_update on case_escalation for update
    using (upper_tenant_id = current_setting('app.tenant_id', true))
    with check (upper_tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');

-- The upper level's reach, as the receiving hall's (V25): the case (read, and the update of its reply's
-- version), its record (read, append at its place), pauses and notices (read, for the clock and the view).
create policy case_file_escalated_read on case_file for select
    using (escalated_to = current_setting('app.tenant_id', true));
create policy case_file_escalated_update on case_file for update
    using (escalated_to = current_setting('app.tenant_id', true))
    with check (escalated_to = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
do $$
declare t text;
begin
    foreach t in array array['case_action', 'case_pause', 'case_notice'] loop
        execute format('create policy %I on %I for select using (exists (select 1 from case_file f where f.id = case_id '
                       'and f.escalated_to = current_setting(''app.tenant_id'', true)))', t || '_escalated_read', t);
    end loop;
    execute 'create policy case_action_escalated_insert on case_action for insert with check ('
            'current_setting(''app.tenant_write'', true) = ''on'' and exists (select 1 from case_file f where f.id = case_id '
            'and f.escalated_to = current_setting(''app.tenant_id'', true)))';
end $$;
