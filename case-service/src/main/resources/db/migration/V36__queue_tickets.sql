-- The hall queue (A5, A3, A6; ADR 0017): tickets per hall, business category and day, called by windows.

-- The last number given per hall, category and day: a ticket's number is taken with one upsert
-- (insert … on conflict do update set last = last + 1 returning last), so two kiosks never print one number.
create table queue_counter (
    tenant_id varchar(12) not null,
    hall_id   uuid        not null,
    category  varchar(6)  not null,
    day       date        not null,
    last      integer     not null,
    primary key (hall_id, category, day)
);

-- A ticket. priority: 0 a booking (checked in; first while its slot is due), 1 green channel (elderly,
-- disabled), 2 walk-in (A5). A transferred ticket keeps number, priority and taken_at and waits for the
-- window it was sent to (target_window). A missed call ends it (MISSED); a new ticket must be taken (A5).
create table queue_ticket (
    id              uuid         primary key,
    tenant_id       varchar(12)  not null,
    hall_id         uuid         not null,
    category        varchar(6)   not null,
    day             date         not null,
    seq             integer      not null,
    number          varchar(12)  not null,
    priority        smallint     not null check (priority in (0, 1, 2)),
    kind            varchar(10)  not null check (kind in ('BOOKED', 'GREEN', 'WALK_IN')),
    due_at          timestamptz,              -- a booking's slot start: it goes first from due_at - lead
    appointment_id  uuid         unique,      -- the booking checked in (one ticket per booking)
    citizen_id      varchar(64),              -- the citizen who took it (their myTicket), null at a kiosk
    taken_by        varchar(100) not null,    -- the account that took it (kiosk staff or citizen)
    idempotency_key varchar(100),
    status          varchar(10)  not null check (status in ('WAITING', 'CALLED', 'FINISHED', 'MISSED')),
    target_window   uuid,                     -- after a transfer: only this window calls it
    window_id       uuid,                     -- the window that called it last
    window_name     varchar(100),
    called_by       varchar(100),
    calls           integer      not null default 0,   -- 1 + recalls
    transfers       integer      not null default 0,
    version         integer      not null default 0,
    taken_at        timestamptz  not null,
    called_at       timestamptz,
    finished_at     timestamptz,
    missed_at       timestamptz,
    case_id         varchar(60),              -- the case it created or continued (A5: the call is linked to the case)
    -- extended service (延时, A3): finished after the hall's closing time of the day, and by how much
    closing_at      timestamptz,
    extended_seconds integer,
    unique (hall_id, category, day, seq),
    unique (taken_by, idempotency_key)
);
-- callNext: the waiting tickets of a hall in priority order (FOR UPDATE SKIP LOCKED on these rows)
create index queue_ticket_waiting_idx on queue_ticket (hall_id, priority, taken_at) where status = 'WAITING';
-- visitor flow (A6): tickets per hall and half hour
create index queue_ticket_flow_idx on queue_ticket (hall_id, taken_at);

-- Every committed change of a ticket is announced on queue_changed with '<tenant>:<hall>' (the calling
-- screen and every ticket's position of that hall may have changed), as case_updated does for cases (ADR 0012).
create function queue_ticket_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('queue_changed', new.tenant_id || ':' || new.hall_id);
    return null;
end $$;
create trigger queue_ticket_announce after insert or update on queue_ticket
    for each row execute function queue_ticket_announce();

do $$
declare t text;
begin
    foreach t in array array['queue_counter', 'queue_ticket'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy %I on %I for select using (tenant_id = current_setting('app.tenant_id', true))$p$,
                       t || '_read', t);
        execute format($p$create policy %I on %I for insert
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_insert', t);
        execute format($p$create policy %I on %I for update
                           using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
                           with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')$p$,
                       t || '_update', t);
        execute format('revoke delete, truncate on %I from zwy_app', t);
    end loop;
end $$;
