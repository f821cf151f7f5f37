-- "One thing" packages (高效办成一件事, G3, ADR 0026): several published guides of one tenant offered as one
-- life or business event, with one form, one set of materials and one submission. A package is the tenant's
-- (RLS like its guides); every change is a new row (version), the newest is the package as offered.
create table service_package (
    id           uuid         not null,
    version      integer      not null,
    tenant_id    varchar(12)  not null references tenant (code),
    name         varchar(100) not null,
    life_event   varchar(12)  not null check (life_event in ('BIRTH', 'SCHOOL', 'EMPLOYMENT', 'MARRIAGE', 'BUSINESS',
                                                             'RETIREMENT', 'DEATH')),
    description  varchar(1000),
    review_mode  varchar(8)   not null check (review_mode in ('PACKAGE', 'PER_ITEM')),
    items        text         not null,   -- JSON [guide uuid], in the order the form asks them
    withdrawn    boolean      not null default false,
    defined_by   varchar(100) not null,
    defined_at   timestamptz  not null,
    primary key (id, version)
);
create index service_package_tenant_idx on service_package (tenant_id, life_event, name);
-- one name per tenant (the newest version of another package may not take it): checked by the service under a lock
alter table service_package enable row level security;
alter table service_package force row level security;
create policy service_package_tenant_read on service_package for select
    using (tenant_id = current_setting('app.tenant_id', true));
create policy service_package_tenant_write on service_package for all
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and current_setting('app.tenant_write', true) = 'on');
-- versions are history: never changed or removed
create or replace function service_package_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'a package version never changes; define a new version';
end $$;
create trigger service_package_frozen before update or delete on service_package
    for each row execute function service_package_frozen();
