-- Every key carries the tenant (issue #13, ADR 0027): the primary keys, unique constraints and unique indexes of
-- tenant tables name tenant_id, and foreign keys between tenant tables join on it, as partitioning by tenant and a
-- distributed PostgreSQL (Citus, distribution column tenant_id) require. Values do not change. Global tables keep
-- their keys (docs/scaling.md): region, tenant, standard_item, standard_item_version, national_calendar_year/_day
-- (Citus reference tables: platform data every tenant reads; the foreign keys of tenant tables to them stay).

-- 1. foreign keys between tenant tables go first: they depend on the keys being replaced
alter table hall_change       drop constraint hall_change_hall_id_fkey;
alter table hall_special_day  drop constraint hall_special_day_hall_id_fkey;
alter table guide_version     drop constraint guide_version_guide_id_fkey;
alter table department        drop constraint department_tenant_id_hall_id_fkey,
                              drop constraint department_tenant_id_chief_id_fkey;
alter table service_window    drop constraint service_window_tenant_id_hall_id_fkey,
                              drop constraint service_window_tenant_id_department_id_fkey;
alter table window_assignment drop constraint window_assignment_tenant_id_window_id_fkey,
                              drop constraint window_assignment_tenant_id_staff_id_fkey;

-- an event without a tenant (a forged entry recorded as rejected) is kept under the empty tenant
update processed_event set tenant_id = '' where tenant_id is null;
alter table processed_event alter column tenant_id set default '', alter column tenant_id set not null;

-- 2. primary keys (tenant_id, what they were); the (tenant_id, id) unique keys that foreign keys used become them
alter table department          drop constraint department_pkey, drop constraint department_tenant_id_id_key, add primary key (tenant_id, id);
alter table guide               drop constraint guide_pkey,               add primary key (tenant_id, id);
alter table guide_version       drop constraint guide_version_pkey,       add primary key (tenant_id, id);
alter table hall                drop constraint hall_pkey,                add primary key (tenant_id, id);
drop index hall_tenant_id_key;
alter table hall_change         drop constraint hall_change_pkey,         add primary key (tenant_id, seq);
alter table hall_special_day    drop constraint hall_special_day_pkey,    add primary key (tenant_id, id);
alter table outbox_event        drop constraint outbox_event_pkey,        add primary key (tenant_id, seq);
alter table processed_event     drop constraint processed_event_pkey,     add primary key (tenant_id, consumer_group, event_id);
alter table service_package     drop constraint service_package_pkey,     add primary key (tenant_id, id, version);
alter table service_window      drop constraint service_window_pkey, drop constraint service_window_tenant_id_id_key, add primary key (tenant_id, id);
alter table staff               drop constraint staff_pkey, drop constraint staff_tenant_id_id_key, add primary key (tenant_id, id);
alter table tenant_calendar_day drop constraint tenant_calendar_day_pkey, add primary key (tenant_id, id);
alter table window_assignment   drop constraint window_assignment_pkey,   add primary key (tenant_id, id);

-- 3. unique constraints and indexes that did not name the tenant
alter table department       drop constraint department_hall_id_name_key,
                             add constraint department_hall_id_name_key unique (tenant_id, hall_id, name);
alter table guide_version    drop constraint guide_version_guide_id_number_key,
                             add constraint guide_version_guide_id_number_key unique (tenant_id, guide_id, number);
alter table hall_special_day drop constraint hall_special_day_hall_id_date_key,
                             add constraint hall_special_day_hall_id_date_key unique (tenant_id, hall_id, date);
alter table outbox_event     drop constraint outbox_event_id_key,
                             add constraint outbox_event_id_key unique (tenant_id, id);
alter table service_window   drop constraint service_window_hall_id_number_key,
                             add constraint service_window_hall_id_number_key unique (tenant_id, hall_id, number);
drop index guide_version_one_draft;
create unique index guide_version_one_draft on guide_version (tenant_id, guide_id) where status = 'DRAFT';
drop index window_one_a_holder;
create unique index window_one_a_holder on window_assignment (tenant_id, window_id) where "position" = 'A';
drop index window_one_b_holder;
create unique index window_one_b_holder on window_assignment (tenant_id, window_id) where "position" = 'B';
drop index window_holder_once;
create unique index window_holder_once on window_assignment (tenant_id, window_id, staff_id);
-- A staff username is unique within its tenant here; across tenants the staff realm of Keycloak keeps it unique
-- (one account per username; creating staff adopts an existing account only if its tenant attribute is this
-- tenant's, otherwise CONFLICT on username). The (tenant_id, username) index it replaces is the same index.
drop index staff_username_key;
drop index staff_tenant_idx;
create unique index staff_username_key on staff (tenant_id, username);

-- 4. the foreign keys again, through the tenant
alter table hall_change       add constraint hall_change_hall_id_fkey foreign key (tenant_id, hall_id) references hall (tenant_id, id);
alter table hall_special_day  add constraint hall_special_day_hall_id_fkey foreign key (tenant_id, hall_id) references hall (tenant_id, id);
alter table guide_version     add constraint guide_version_guide_id_fkey foreign key (tenant_id, guide_id) references guide (tenant_id, id);
alter table department        add constraint department_tenant_id_hall_id_fkey foreign key (tenant_id, hall_id) references hall (tenant_id, id),
                              add constraint department_tenant_id_chief_id_fkey foreign key (tenant_id, chief_id) references staff (tenant_id, id);
alter table service_window    add constraint service_window_tenant_id_hall_id_fkey foreign key (tenant_id, hall_id) references hall (tenant_id, id),
                              add constraint service_window_tenant_id_department_id_fkey foreign key (tenant_id, department_id) references department (tenant_id, id);
alter table window_assignment add constraint window_assignment_tenant_id_window_id_fkey foreign key (tenant_id, window_id) references service_window (tenant_id, id),
                              add constraint window_assignment_tenant_id_staff_id_fkey foreign key (tenant_id, staff_id) references staff (tenant_id, id);
