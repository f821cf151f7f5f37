-- Reviews (好差评, V1–V9; ADR 0020): what may be reviewed, the reviews, the rectification of bad ones and the
-- reviewers a verified malicious bad review put on the reviews' dishonesty list (V5).

-- A service that may be reviewed once (V2): a completed case (一事一评) or a finished visit of the queue (一次一评),
-- opened from the event path (case.completed, case.deemed_approved, queue.ticket.finished), or an overdue unfinished
-- case at the moment its applicant reviews it (V4). Who served, at which window, for which department and business
-- line (the item, or the queue's business category for a visit without a case) are copied here: the indicators (V7,
-- V8) roll up by them. closes_on: the last day a review is accepted (the 5th working day after completion, V4); past
-- it the timer marks the service UNRATED.
create table review_opening (
    id              uuid         primary key,
    tenant_id       varchar(12)  not null,
    kind            varchar(5)   not null check (kind in ('CASE', 'VISIT')),
    subject_id      uuid         not null,              -- the case's or the ticket's id
    subject_label   varchar(40)  not null,              -- the case number or the ticket number
    case_id         uuid,                               -- the case (CASE), or the case the visit was linked to
    citizen_id      varchar(64)  not null,              -- the only account that may review it (V2)
    staff_id        varchar(64),
    staff_name      varchar(100),
    window_id       uuid,
    window_name     varchar(100),
    department_id   uuid,
    department_name varchar(200),
    line_key        varchar(60)  not null,
    line_name       varchar(300) not null,
    done_at         timestamptz  not null,
    closes_on       date,                               -- null: an overdue unfinished case, reviewed at once
    state           varchar(10)  not null check (state in ('OPEN', 'REVIEWED', 'UNRATED')),
    reminded_at     timestamptz,
    unrated_at      timestamptz,
    unique (tenant_id, kind, subject_id)
);
create index review_opening_pending_idx on review_opening (citizen_id, done_at desc, id desc) where state = 'OPEN';
create index review_opening_tenant_idx on review_opening (tenant_id, done_at);

-- A review (V1): its level and score, a bad one's reasons (V5: chosen codes and/or a written reason). One per opening
-- (unique): two concurrent submissions store one. The reviewer's name and masked phone are kept for the call back
-- (V6) and shown only to the centre's administrators who were not reviewed (V9).
create table review (
    id                    uuid          primary key,
    tenant_id             varchar(12)   not null,
    opening_id            uuid          not null unique references review_opening (id),
    citizen_id            varchar(64)   not null,
    idempotency_key       varchar(100)  not null,
    level                 varchar(20)   not null check (level in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED')),
    score                 smallint      not null check (score in (10, 8, 6, 3, 0)),
    bad                   boolean       not null,
    reasons               jsonb         not null default '[]',
    other_reason          varchar(500),
    comment               varchar(500),
    reviewer_name         varchar(100),
    reviewer_phone_masked varchar(20),
    after_reminder        boolean       not null,
    created_at            timestamptz   not null,
    unique (citizen_id, idempotency_key),
    check (bad = (score <= 3)),
    check (not bad or jsonb_array_length(reasons) > 0 or other_reason is not null)
);
create index review_tenant_idx on review (tenant_id, created_at desc, id desc);

-- The rectification loop of a bad review (V6): assign → verify (with the reply to the reviewer) → rectify → call back
-- → close; an invalid or malicious one is closed after verification. due_on: the current step's last working day;
-- late_steps: the steps that went past theirs (the warnings).
create table review_rectification (
    review_id      uuid          primary key references review (id),
    tenant_id      varchar(12)   not null,
    state          varchar(12)   not null check (state in ('OPEN', 'ASSIGNED', 'VERIFIED', 'RECTIFIED', 'CALLED_BACK', 'CLOSED')),
    due_on         date,
    late_steps     jsonb         not null default '[]',
    assignee       varchar(100),
    assigned_by    varchar(100),
    assigned_at    timestamptz,
    finding        varchar(10)   check (finding in ('VALID', 'INVALID', 'MALICIOUS')),
    reply          varchar(1000),
    verified_by    varchar(100),
    verified_at    timestamptz,
    measures       varchar(2000),
    rectified_by   varchar(100),
    rectified_at   timestamptz,
    satisfied      boolean,
    callback_note  varchar(1000),
    called_back_by varchar(100),
    called_back_at timestamptz,
    closing_note   varchar(1000),
    closed_by      varchar(100),
    closed_at      timestamptz,
    version        integer       not null default 0
);

-- V5: a reviewer whose bad review was verified malicious, listed by the centre's administrator; lifted with a reason.
-- Kept apart from filing's C5 list: keyed by the account (a visit's reviewer has no ID number on record) and visible
-- to the centre's administrators only, never to the window staff the review was about (V9).
create table review_dishonesty (
    id          uuid         primary key,
    tenant_id   varchar(12)  not null,
    citizen_id  varchar(64)  not null,
    review_id   uuid         not null unique references review (id),
    reviewer    varchar(100),
    reason      varchar(500) not null,
    listed_by   varchar(100) not null,
    listed_on   date         not null,
    expires_on  date         not null,
    lifted_at   timestamptz,
    lifted_by   varchar(100),
    lift_reason varchar(500),
    check (expires_on > listed_on)
);

do $$
declare t text;
begin
    foreach t in array array['review_opening', 'review', 'review_rectification', 'review_dishonesty'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy %I on %I for insert
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_insert', t);
        execute format($p$create policy %I on %I for update
                           using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_update', t);
    end loop;
end $$;
-- staff read their tenant's rows; a citizen (app.citizen_id bound from the token) reads their own openings and reviews
-- across tenants (myPendingReviews)
create policy review_opening_read on review_opening for select
    using (tenant_id = current_setting('app.tenant_id', true) or citizen_id = current_setting('app.citizen_id', true));
create policy review_read on review for select
    using (tenant_id = current_setting('app.tenant_id', true) or citizen_id = current_setting('app.citizen_id', true));
create policy review_rectification_read on review_rectification for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy review_dishonesty_read on review_dishonesty for select
    using (tenant_id = current_setting('app.tenant_id', true));
revoke delete, truncate on review_opening, review, review_rectification, review_dishonesty from zwy_app;

-- The reminder after 24 h (V4) and the reply to a bad review (V6) are citizen messages; a visit without a case is
-- their subject by its opening (in-app only: no phone is known for it).
alter table citizen_message add column review_opening_id uuid references review_opening (id);
alter table citizen_message drop constraint citizen_message_subject;
alter table citizen_message add constraint citizen_message_subject
    check (num_nonnulls(case_id, appointment_id, review_opening_id) = 1);
alter table citizen_message drop constraint citizen_message_kind_check;
alter table citizen_message add constraint citizen_message_kind_check
    check (kind in ('RECEIPT', 'ONE_TIME_NOTICE', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'DELIVERED', 'UPPER_REPLY',
                    'APPOINTMENT_BOOKED', 'APPOINTMENT_REMINDER', 'APPOINTMENT_CANCELLED', 'NO_SHOW', 'BOOKING_BARRED',
                    'REVIEW_REMINDER', 'REVIEW_REPLY'));
