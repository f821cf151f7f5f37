-- T2: "a tenant is the service administration of one region (typically a county; a city or a town may be its
-- own tenant)". A city (4-digit division code, e.g. 4418 清远市) may now be onboarded: its tenant and main hall
-- are of level CITY. A county's case sent up across levels (C11) then reaches its city on the platform.
alter table tenant drop constraint tenant_level_check;
alter table tenant add constraint tenant_level_check check (level in ('CITY', 'COUNTY', 'TOWN'));
alter table hall drop constraint hall_level_check;
alter table hall add constraint hall_level_check check (level in ('CITY', 'COUNTY', 'TOWN', 'VILLAGE'));
