-- "One thing" packages (G3, ADR 0026). The packages as tenant-service defines them (catalog.package.published),
-- a local read model like guide_version_model: every version, the newest is the package as offered.
create table package_model (
    package_id   varchar(60)  not null,   -- <tenant>:<uuid>
    version      integer      not null,
    tenant_id    varchar(12)  not null,
    name         varchar(100) not null,
    review_mode  varchar(8)   not null,
    items        text         not null,   -- JSON [{itemId, name}], in the form's order
    materials    text         not null,   -- JSON [{name, required, usedBy}], each once
    received_at  timestamptz  not null default now(),
    primary key (package_id, version)
);
alter table package_model enable row level security;
alter table package_model force row level security;
create policy package_model_read on package_model for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy package_model_write on package_model for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

-- One filing of a package: one idempotency key for the whole set of part cases (case_file.package_case_id).
create table package_case (
    id               uuid         primary key,
    tenant_id        varchar(12)  not null,
    citizen_id       varchar(64)  not null,
    package_id       varchar(60)  not null,
    package_version  integer      not null,
    package_name     varchar(100) not null,
    review_mode      varchar(8)   not null,
    idempotency_key  varchar(100) not null,
    request_hash     varchar(64)  not null,
    submitted_at     timestamptz  not null,
    unique (tenant_id, citizen_id, idempotency_key)
);
alter table package_case enable row level security;
alter table package_case force row level security;
create policy package_case_read on package_case for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy package_case_write on package_case for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');

alter table case_file add column package_case_id uuid references package_case (id);
create index case_file_package_idx on case_file (package_case_id) where package_case_id is not null;
