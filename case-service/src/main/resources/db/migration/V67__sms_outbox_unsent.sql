-- The SMS drain (ADR 0040): after a case change commits, its instance sends the tenant's unsent SMS in one
-- transaction. It finds them by this index of the unsent rows only, so the drain reads what is waiting, not the
-- tenant's whole history of sent SMS (a row is sent within moments and leaves the index).
create index sms_outbox_unsent_idx on sms_outbox (tenant_id, created_at) where sent_at is null;
