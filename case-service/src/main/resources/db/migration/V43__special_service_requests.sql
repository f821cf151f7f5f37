-- A7: home visits for the elderly and disabled (上门) and urgent handling on holidays (急办), requested by a citizen
-- (for themselves or a person they act for, C14) and scheduled by the tenant's staff with a time and a staff
-- member, as a booking is; ADR 0014 "Home visits and urgent holiday handling".
create table special_service_request (
    id                uuid          primary key,
    tenant_id         varchar(12)   not null,
    kind              varchar(12)   not null check (kind in ('HOME_VISIT', 'URGENT')),
    reason            varchar(12)   not null check (reason in ('ELDERLY', 'DISABLED', 'URGENT')),
    item_id           varchar(60)   not null,
    item_name         varchar(300)  not null,
    citizen_id        varchar(64)   not null,      -- the account that asked (token subject)
    person_key        varchar(100)  not null,      -- 'sub:<account>' or 'id:<blind index>' as appointment.person_key
    person_name       varchar(100),
    person_id_masked  varchar(30),
    address           varchar(300),                -- where to visit (HOME_VISIT)
    phone_sealed      varchar(500)  not null,
    phone_masked      varchar(20)   not null,
    preferred_date    date          not null,
    preferred_working boolean       not null,      -- whether the preferred day is a working day of the tenant
    note              varchar(500),
    status            varchar(12)   not null check (status in ('REQUESTED', 'SCHEDULED', 'DECLINED', 'CANCELLED')),
    scheduled_at      timestamptz,
    staff_name        varchar(100),
    staff_phone       varchar(30),
    scheduled_by      varchar(100),
    decline_reason    varchar(500),
    idempotency_key   varchar(100)  not null,
    version           integer       not null default 0,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    unique (citizen_id, idempotency_key),
    check (kind <> 'HOME_VISIT' or (address is not null and reason in ('ELDERLY', 'DISABLED'))),
    check (kind <> 'URGENT' or reason = 'URGENT'),
    check (status <> 'SCHEDULED' or (scheduled_at is not null and staff_name is not null))
);
-- one open request per person, item and kind
create unique index special_service_open_idx on special_service_request (tenant_id, person_key, item_id, kind)
    where status in ('REQUESTED', 'SCHEDULED');
create index special_service_staff_idx on special_service_request (tenant_id, created_at desc, id desc);
create index special_service_mine_idx on special_service_request (citizen_id, created_at desc, id desc);

alter table special_service_request enable row level security;
alter table special_service_request force row level security;
create policy special_service_read on special_service_request for select
    using (tenant_id = current_setting('app.tenant_id', true) or citizen_id = current_setting('app.citizen_id', true));
create policy special_service_insert on special_service_request for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
create policy special_service_update on special_service_request for update
    using (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
revoke delete, truncate on special_service_request from zwy_app;
