-- Material uploads (cn.zwy.cases.material). An upload belongs to its sender (owner_realm,
-- owner_id); a staff upload also to the staff member's tenant; a citizen's has no tenant until a
-- submission claims it for the case's tenant (case_id set, expires_at cleared). Unclaimed uploads
-- expire and UploadSweep removes them.
create table material_upload (
    id            uuid         primary key,
    tenant_id     varchar(12),
    owner_realm   varchar(10)  not null,
    owner_id      varchar(64)  not null,
    file_name     varchar(200) not null,
    material_type varchar(10)  not null check (material_type in ('PDF', 'OFD', 'JPEG', 'PNG')),
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        char(64)     not null,
    object_key    varchar(200) not null unique,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz,
    case_id       varchar(64),
    -- claimed uploads never expire; unclaimed ones always do
    check ((case_id is null) = (expires_at is not null)),
    check (case_id is null or tenant_id is not null)
);
create index material_upload_case_idx on material_upload (tenant_id, case_id) where case_id is not null;
create index material_upload_expiry_idx on material_upload (expires_at) where case_id is null;

-- Row-level security: a tenant's uploads only in its own transactions; a citizen's unclaimed
-- upload (no tenant) in any, where the service always filters by owner; expired unclaimed
-- uploads of any tenant for the sweep, which removes them.
alter table material_upload enable row level security;
alter table material_upload force row level security;
create policy material_upload_access on material_upload for all
    using (tenant_id is null
           or tenant_id = current_setting('app.tenant_id', true)
           or (case_id is null and expires_at < now()))
    with check ((tenant_id is null and case_id is null)
                or (tenant_id = current_setting('app.tenant_id', true)
                    and current_setting('app.tenant_write', true) = 'on'));

-- The default object store (PostgresObjectStore): bytea, see its comment for why not large
-- objects. Keys are random and only reachable through material_upload, which is under RLS.
create table material_object (
    object_key varchar(200) primary key,
    media_type varchar(40)  not null,
    content    bytea        not null,
    created_at timestamptz  not null default now()
);
-- PDF, JPEG, PNG and OFD (ZIP) are compressed already: store out of line without trying again
alter table material_object alter column content set storage external;
