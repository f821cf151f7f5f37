-- C14 assisted agency (帮办代办): the written entrustment of a case — the items and materials it
-- covers, the agent and the applicant as contacts — recorded by the centre's staff. Statutory fees
-- stay the applicant's; an agency fee is never recorded (the service refuses one, the check repeats it).
create table case_entrustment (
    case_id            uuid          primary key references case_file (id),
    tenant_id          varchar(12)   not null,
    agent_name         varchar(100)  not null,
    agent_phone_sealed text          not null,
    agent_phone_masked varchar(20)   not null,
    items              text          not null,   -- JSON [names]
    materials          text          not null,   -- JSON [names]
    recorded_by        varchar(100)  not null,
    window_name        varchar(100)  not null,
    recorded_at        timestamptz   not null
);

alter table case_entrustment enable row level security;
alter table case_entrustment force row level security;
create policy case_entrustment_read on case_entrustment for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy case_entrustment_insert on case_entrustment for insert
    with check (tenant_id = current_setting('app.tenant_id', true) and current_setting('app.tenant_write', true) = 'on');
