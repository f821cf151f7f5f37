-- Complaints (投诉, P1–P5; ADR 0023): a complaint about a window, its staff or a hall of the tenant, from the
-- complainant's own account (app, mini-program, website), recorded by staff on the complainant's behalf (on site,
-- phone, letter, email) or imported from the 12345 hotline; its acceptance or refusal (P2), its handling by mode and
-- complexity with the deadline of each step (P3), the result and the complainant's answer and review request (P4), and
-- whether it was verified, which counts in the appraisal of the staff member and the window (P5).
create table complaint (
    id                    uuid          primary key,
    tenant_id             varchar(12)   not null,
    channel               varchar(14)   not null check (channel in ('ON_SITE', 'PHONE', 'LETTER', 'EMAIL', 'APP', 'MINI_PROGRAM', 'WEBSITE', 'HOTLINE_12345')),
    hotline_ticket        varchar(40),
    -- who the idempotency key belongs to: c:<citizen>, s:<tenant>:<staff username>, h:<tenant> (the key is the ticket)
    idem_owner            varchar(200)  not null,
    idempotency_key       varchar(100)  not null,
    citizen_id            varchar(64),                   -- the complainant's account, when they have one
    complainant_name      varchar(100)  not null,
    contact_phone_masked  varchar(30),
    contact_phone_sealed  text,
    contact_email_masked  varchar(200),
    contact_email_sealed  text,
    confidential          boolean       not null,
    hall_id               uuid,
    window_id             uuid,
    window_name           varchar(100),
    staff_username        varchar(100),
    staff_name            varchar(100),
    reason                varchar(2000) not null,
    expectation           varchar(1000),
    filed_at              timestamptz   not null,
    recorded_by           varchar(100),
    state                 varchar(12)   not null check (state in ('FILED', 'ACCEPTED', 'REFUSED', 'RESULT_GIVEN')),
    accept_due_on         date          not null,
    accepted_at           timestamptz,
    accepted_by           varchar(100),
    accepted_on_spot      boolean,
    refused_at            timestamptz,
    refused_by            varchar(100),
    refusal_reason        varchar(1000),
    refusal_channel       varchar(30),
    refusal_guidance      varchar(1000),
    handling_mode         varchar(10)   check (handling_mode in ('DIRECT', 'TRANSFER', 'SUPERVISE')),
    complexity            varchar(8)    check (complexity in ('SIMPLE', 'COMPLEX', 'SPECIAL')),
    department            varchar(200),
    handler               varchar(100),
    assigned_at           timestamptz,
    assigned_by           varchar(100),
    handle_due_on         date,
    delay_notice          varchar(2000),
    delayed_at            timestamptz,
    delayed_by            varchar(100),
    result                varchar(2000),
    verified              boolean,
    result_at             timestamptz,
    result_by             varchar(100),
    review_closes_on      date,
    satisfied             boolean,
    satisfaction_comment  varchar(500),
    answered_at           timestamptz,
    review_requested_at   timestamptz,
    review_reason         varchar(1000),
    late_steps            jsonb         not null default '[]',
    version               integer       not null default 0,
    unique (idem_owner, idempotency_key),
    check (contact_phone_sealed is not null or contact_email_sealed is not null),
    check (channel <> 'HOTLINE_12345' or hotline_ticket is not null),
    check (state <> 'REFUSED' or (refusal_reason is not null and refusal_channel is not null)),
    check (complexity <> 'SPECIAL' or delay_notice is not null),
    check (state <> 'RESULT_GIVEN' or (result is not null and verified is not null))
);
-- 12345: one complaint per hotline ticket in a tenant (importing a ticket again answers the same complaint)
create unique index complaint_hotline_ticket_idx on complaint (tenant_id, hotline_ticket) where hotline_ticket is not null;
create index complaint_tenant_idx on complaint (tenant_id, filed_at desc, id desc);
create index complaint_citizen_idx on complaint (citizen_id, filed_at desc, id desc) where citizen_id is not null;
-- P5: the verified complaints of a year per staff member and window
create index complaint_verified_idx on complaint (tenant_id, result_at) where verified;

alter table complaint enable row level security;
alter table complaint force row level security;
create policy complaint_insert on complaint for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy complaint_update on complaint for update
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
-- staff read their tenant's complaints; a citizen (app.citizen_id bound from the token) reads their own across tenants
create policy complaint_read on complaint for select
    using (tenant_id = current_setting('app.tenant_id', true) or citizen_id = current_setting('app.citizen_id', true));
revoke delete, truncate on complaint from zwy_app;

-- What the complainant is told (P2 acceptance or refusal, P3 the written delay notice, P4 the result) reaches a
-- complainant with an account as a citizen message about the complaint.
alter table citizen_message add column complaint_id uuid references complaint (id);
alter table citizen_message drop constraint citizen_message_subject;
alter table citizen_message add constraint citizen_message_subject
    check (num_nonnulls(case_id, appointment_id, review_opening_id, complaint_id) = 1);
alter table citizen_message drop constraint citizen_message_kind_check;
alter table citizen_message add constraint citizen_message_kind_check
    check (kind in ('RECEIPT', 'ONE_TIME_NOTICE', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'DELIVERED', 'UPPER_REPLY',
                    'APPOINTMENT_BOOKED', 'APPOINTMENT_REMINDER', 'APPOINTMENT_CANCELLED', 'NO_SHOW', 'BOOKING_BARRED',
                    'REVIEW_REMINDER', 'REVIEW_REPLY',
                    'COMPLAINT_ACCEPTED', 'COMPLAINT_REFUSED', 'COMPLAINT_DELAYED', 'COMPLAINT_RESULT'));
