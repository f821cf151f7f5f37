-- C12 with C2: a hall that received a case for its owner issues the one-time notice when its form check
-- finds the application incomplete (before forwarding); V25 let it read the case's notices, now it may
-- add one, for the cases received there only (the subquery runs under case_file's own policies).
create policy case_notice_received_insert on case_notice for insert with check (
    current_setting('app.tenant_write', true) = 'on'
    and exists (select 1 from case_file f where f.id = case_id and f.receiving_tenant_id = current_setting('app.tenant_id', true)));

-- The applicant hears of that notice at once (message and SMS, ADR 0012), written in the hall's own
-- transaction: the rows stay the owner's (tenant_id), added only for a case received at the hall.
create policy citizen_message_received_insert on citizen_message for insert with check (
    current_setting('app.tenant_write', true) = 'on'
    and exists (select 1 from case_file f where f.id = case_id and f.receiving_tenant_id = current_setting('app.tenant_id', true)));
create policy sms_outbox_received_insert on sms_outbox for insert with check (
    current_setting('app.tenant_write', true) = 'on'
    and exists (select 1 from case_file f where f.id = case_id and f.receiving_tenant_id = current_setting('app.tenant_id', true)));
