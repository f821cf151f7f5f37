-- "One thing" packages in guide search (G3, ADR 0026): the newest catalog.package.published payload of each
-- package, so that a rebuild of the index puts the packages back without asking tenant-service.
create table package_projection (
    package_id  varchar(60)  primary key,
    tenant_id   varchar(12)  not null,
    version     int          not null,
    payload     text         not null,
    received_at timestamptz  not null default now()
);
