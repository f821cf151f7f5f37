-- C10 joint cases (联合办理): the departments a lead window named at acceptance, each reviewing in
-- parallel with its own clock (started on the acceptance day, due by `due`); one without an opinion by
-- then is deemed to agree; one whose part its upper authority approves escalates within 7 working days
-- of acceptance (`escalate_due`) and records the upper reply, of which the applicant is told at once.
create table case_joint_review (
    case_id          uuid          not null references case_file (id),
    tenant_id        varchar(12)   not null,
    position         smallint      not null,
    department       varchar(100)  not null,
    upper_approval   boolean       not null,
    state            varchar(16)   not null check (state in ('PENDING', 'AGREED', 'DISAGREED', 'DEEMED_AGREED')),
    started_on       date          not null,
    due              date          not null,
    escalate_due     date,
    escalated_on     date,
    upper_authority  varchar(200),
    upper_reply_on   date,
    upper_approved   boolean,
    opinion          varchar(1000),
    answered_by      varchar(100),
    window_name      varchar(100),
    answered_at      timestamptz,
    primary key (case_id, department),
    -- an upper authority is only ever involved where the department said so at acceptance
    check (upper_approval or (escalate_due is null and escalated_on is null and upper_reply_on is null)),
    -- a deemed agreement is never one of a department waiting for its upper authority
    check (state <> 'DEEMED_AGREED' or not upper_approval)
);

alter table case_joint_review enable row level security;
alter table case_joint_review force row level security;
create policy case_joint_review_read on case_joint_review for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy case_joint_review_insert on case_joint_review for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy case_joint_review_update on case_joint_review for update
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');

-- the applicant hears of an upper authority's reply (C10: within 1 day of it); the appointment kinds of V29 stay
alter table citizen_message drop constraint citizen_message_kind_check;
alter table citizen_message add constraint citizen_message_kind_check
    check (kind in ('RECEIPT', 'ONE_TIME_NOTICE', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'DELIVERED', 'UPPER_REPLY',
                    'APPOINTMENT_BOOKED', 'APPOINTMENT_REMINDER', 'APPOINTMENT_CANCELLED', 'NO_SHOW', 'BOOKING_BARRED'));
