-- Live updates, the citizen's messages and the SMS outbox (ADR 0012).

-- Every committed change of a case is announced on one channel, case_updated, with the case's public
-- id and version as payload ("441825:<uuid>:7"). A trigger rather than the service's code: every path
-- that writes case_file (actions, timers, any later one) announces it, and PostgreSQL delivers a
-- NOTIFY only when its transaction commits (a rolled-back change announces nothing). Every
-- case-service instance LISTENs on one dedicated connection and pushes the case to its subscribers.
create function case_file_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('case_updated', new.tenant_id || ':' || new.id || ':' || new.version);
    return null;
end $$;
create trigger case_file_announce after insert or update on case_file
    for each row execute function case_file_announce();

-- The citizen's in-app messages (收件回执, 一次性告知, 受理通知, 不予受理, 办结, 送达), written in the
-- transaction of the case change. Tenant rows like the case's; the citizen reads their own across
-- tenants with app.citizen_id bound (set by the service from the token's subject, local to the
-- transaction), never another's: row-level security backs the service's own filter.
create table citizen_message (
    id          uuid          primary key,
    tenant_id   varchar(12)   not null,
    citizen_id  varchar(64)   not null,
    case_id     uuid          not null references case_file (id),
    case_number varchar(30)   not null,
    kind        varchar(20)   not null check (kind in ('RECEIPT', 'ONE_TIME_NOTICE', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'DELIVERED')),
    title       varchar(100)  not null,
    body        varchar(2000) not null,
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index citizen_message_list_idx on citizen_message (citizen_id, created_at desc, id desc);

alter table citizen_message enable row level security;
alter table citizen_message force row level security;
create policy citizen_message_read on citizen_message for select
    using (tenant_id = current_setting('app.tenant_id', true)
           or citizen_id = current_setting('app.citizen_id', true));
create policy citizen_message_insert on citizen_message for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
-- only the owner marks a message read
create policy citizen_message_update on citizen_message for update
    using (citizen_id = current_setting('app.citizen_id', true))
    with check (citizen_id = current_setting('app.citizen_id', true));
revoke delete, truncate on citizen_message from zwy_app;

-- SMS to send (an outbox): a row per message, written in the same transaction; a db-scheduler task
-- (also written in that transaction) sends it after the commit, once across instances, retried
-- after a crash or a failed send. The phone number is not copied here: the sender reads the case's
-- sealed number (M3; key rotation keeps re-sealing it there) and opens it only to send. The row records
-- the masked number, when it was sent and by which sender: the record a test (or an operator) reads.
create table sms_outbox (
    message_id   uuid          primary key references citizen_message (id),
    tenant_id    varchar(12)   not null,
    case_id      uuid          not null references case_file (id),
    phone_masked varchar(20)   not null,
    text         varchar(2000) not null,
    created_at   timestamptz   not null,
    sent_at      timestamptz,
    sender       varchar(40)
);

alter table sms_outbox enable row level security;
alter table sms_outbox force row level security;
create policy sms_outbox_read on sms_outbox for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy sms_outbox_insert on sms_outbox for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy sms_outbox_update on sms_outbox for update
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
revoke delete, truncate on sms_outbox from zwy_app;
