-- ADR 0035: a tenant that stops offering a "one thing" package (one of its items withdrawn there) announces
-- catalog.package.withdrawn; the package's versions up to the one withdrawn are then not filed. A later
-- catalog.package.published (the tenant offers it again, or a newer version) clears it.
alter table package_model add column withdrawn_at timestamptz;
