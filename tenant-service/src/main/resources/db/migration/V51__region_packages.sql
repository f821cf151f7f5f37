-- "One thing" packages defined by a province or a city for its counties (G3, S7, ADR 0032): the parts are items of the
-- province's standard catalog; a county that publishes a guide of every part offers the package (as <county>:<id>).
-- The defining region is the row's tenant (its province or city code: 2 or 4 digits), RLS like service_package;
-- every change is a new version, never rewritten.
create table region_package (
    id              uuid         not null,
    version         integer      not null,
    tenant_id       varchar(12)  not null check (tenant_id ~ '^\d{2}(\d{2})?$'),
    name            varchar(100) not null,
    life_event      varchar(12)  not null check (life_event in ('BIRTH', 'SCHOOL', 'EMPLOYMENT', 'MARRIAGE', 'BUSINESS',
                                                                'RETIREMENT', 'DEATH')),
    description     varchar(1000),
    review_mode     varchar(8)   not null check (review_mode in ('PACKAGE', 'PER_ITEM')),
    standard_items  text         not null,   -- JSON [standard item uuid], in the order the form asks them
    defined_by      varchar(100) not null,
    defined_at      timestamptz  not null,
    primary key (tenant_id, id, version)
);
alter table region_package enable row level security;
alter table region_package force row level security;
create policy region_package_tenant_read on region_package for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy region_package_tenant_write on region_package for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');
create trigger region_package_frozen before update or delete on region_package
    for each row execute function service_package_frozen();
