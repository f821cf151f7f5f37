-- Three-level agency (三级全程代理, T3, seed 000 村级代办点/受理报送清单): an agent (代办员) of the tenant
-- records an application at a village or town station (a site of the tenant, Caller.site) for an applicant
-- who may have no account; the station forwards it to the centre within 2 working days (the relay of C12:
-- relay_state AT_HALL → IN_TRANSIT → ARRIVED, forward_due, the FORWARD timer); the agent carries the case
-- end to end and answers the applicant. The case stays one case of the tenant (its RLS as before).

alter table case_file
    add column station_site varchar(12),    -- the station (site code, 9 or 12 digits) where it was received
    add column agent_id     varchar(64),    -- the agent who carries it (token subject) ...
    add column agent_name   varchar(100),   -- ... by name, for the receipt (T8) and the views
    -- an applicant without an account: the case has no citizen; the agent answers them (T3)
    alter column citizen_id drop not null,
    add constraint case_file_station_check check (
        (station_site is null and agent_id is null and agent_name is null)
        or (station_site is not null and agent_id is not null and agent_name is not null)),
    add constraint case_file_applicant_account_check check (citizen_id is not null or station_site is not null);

-- a retried station submission (the same agent's idempotency key) makes no second case
create unique index case_file_station_key_idx on case_file (tenant_id, agent_id, idempotency_key) where citizen_id is null;

-- the station's queue (caseInbox AT_MY_STATION)
create index case_file_station_idx on case_file (tenant_id, station_site, (coalesce(deadline, date '9999-12-31')), submitted_at, id)
    where station_site is not null;

-- the messages to an applicant without an account are kept for the tenant's staff (the agent relays them;
-- the SMS still goes to the contact phone): no citizen reads them
alter table citizen_message alter column citizen_id drop not null;
