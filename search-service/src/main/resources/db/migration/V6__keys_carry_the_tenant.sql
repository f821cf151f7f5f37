-- Every key carries the tenant (issue #13, ADR 0027): the read models' primary keys name tenant_id, as partitioning
-- by tenant and a distributed PostgreSQL (Citus, distribution column tenant_id) require. Values do not change.
-- scheduled_tasks (db-scheduler's own table) stays as it is: the library's, global (docs/scaling.md).
alter table guide_pending_version drop constraint guide_pending_version_pkey, add primary key (tenant_id, version_id);
alter table package_projection    drop constraint package_projection_pkey,    add primary key (tenant_id, package_id);
alter table processed_event       drop constraint processed_event_pkey,       add primary key (tenant_id, consumer_group, event_id);
