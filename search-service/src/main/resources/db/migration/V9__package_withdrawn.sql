-- ADR 0035: a tenant that stops offering a "one thing" package announces catalog.package.withdrawn; the package's
-- document is then a tombstone no query finds, until catalog.package.published offers it again (the same or a newer
-- version).
alter table package_projection add column withdrawn boolean not null default false;
