-- The keys carry the tenant (ADR 0027), also for V7's guide_source, which came from a branch written beside V6.
-- standard_version is the province's standard catalog as seen on the stream: platform data, a global table
-- (docs/scaling.md), like tenant-service's standard_item_version.
alter table guide_source drop constraint guide_source_pkey, add primary key (tenant_id, item_id);
