-- Appointments (A1–A3) and the no-show bar (A2), ADR 0014.

-- One row per slot that has been booked at least once: the counter a booking takes a place from with a
-- conditional update (booked = booked + 1 where booked < capacity). The check makes overbooking impossible
-- even for a statement that forgot the condition. Capacity is fixed when the row is first made.
create table booking_slot (
    tenant_id varchar(12) not null,
    hall_id   uuid        not null,
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    capacity  integer     not null check (capacity >= 0),
    booked    integer     not null default 0,
    primary key (hall_id, starts_at),
    check (booked >= 0 and booked <= capacity)
);

create table appointment (
    id                  uuid         primary key,
    tenant_id           varchar(12)  not null,
    hall_id             uuid         not null,
    hall_name           varchar(200) not null,
    starts_at           timestamptz  not null,
    ends_at             timestamptz  not null,
    day                 date         not null,      -- the slot's day in the halls' time zone
    item_id             varchar(60)  not null,
    item_name           varchar(300) not null,
    citizen_id          varchar(64)  not null,      -- the account that booked (token subject)
    -- who comes: 'sub:<account>' for oneself, 'id:<blind index of the ID number>' for a person booked for (帮办)
    person_key          varchar(100) not null,
    booked_for_name     varchar(100),
    booked_for_id_masked varchar(30),
    phone_sealed        varchar(500),
    phone_masked        varchar(20),
    booking_code        varchar(12)  not null unique,
    idempotency_key     varchar(100) not null,
    status              varchar(12)  not null check (status in ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
    version             integer      not null default 0,  -- +1 on every move: a timer of an older version is stale
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    checked_in_at       timestamptz,
    cancelled_at        timestamptz,
    no_show_at          timestamptz,
    unique (citizen_id, idempotency_key)
);
-- one active booking per person per item per day (A1 fairness; the issue's rule)
create unique index appointment_one_active_idx on appointment (tenant_id, person_key, item_id, day)
    where status in ('BOOKED', 'CHECKED_IN');
create index appointment_mine_idx on appointment (citizen_id, starts_at desc, id desc);
create index appointment_no_show_idx on appointment (tenant_id, person_key, no_show_at) where status = 'NO_SHOW';

-- A2: the third no-show in the configured period bars the person from booking at this tenant until it
-- expires; the centre administrator may lift it with a reason (kept: a bar is never deleted).
create table booking_bar (
    id            uuid          primary key,
    tenant_id     varchar(12)   not null,
    person_key    varchar(100)  not null,
    who           varchar(100)  not null,   -- masked, for staff lists
    reason        varchar(500)  not null,
    no_show_codes varchar(200)  not null,   -- the booking codes that made it, comma-separated
    barred_at     timestamptz   not null,
    barred_until  timestamptz   not null,
    lifted_at     timestamptz,
    lifted_by     varchar(100),
    lift_reason   varchar(500),
    check (barred_until > barred_at)
);
create index booking_bar_person_idx on booking_bar (tenant_id, person_key, barred_until desc);

-- Tenant rows; a citizen reads their own appointments across tenants with app.citizen_id bound (as messages).
alter table booking_slot enable row level security;
alter table booking_slot force row level security;
create policy booking_slot_read on booking_slot for select using (tenant_id = current_setting('app.tenant_id', true));
create policy booking_slot_write on booking_slot for all
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');

alter table appointment enable row level security;
alter table appointment force row level security;
create policy appointment_read on appointment for select
    using (tenant_id = current_setting('app.tenant_id', true) or citizen_id = current_setting('app.citizen_id', true));
create policy appointment_insert on appointment for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy appointment_update on appointment for update
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
revoke delete, truncate on appointment from zwy_app;

alter table booking_bar enable row level security;
alter table booking_bar force row level security;
create policy booking_bar_read on booking_bar for select using (tenant_id = current_setting('app.tenant_id', true));
create policy booking_bar_insert on booking_bar for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy booking_bar_update on booking_bar for update
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
revoke delete, truncate on booking_bar from zwy_app;
