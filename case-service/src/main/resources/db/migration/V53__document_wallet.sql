-- The citizen's document wallet (G4, ADR 0026): materials accepted on their cases and the results of their approved
-- cases, kept with issuer and validity so that a later filing attaches them (with consent) instead of an upload.
-- A citizen's own records across tenants, like citizen_case: read and changed only for the owning account, by the
-- service; what staff see of it is inside the case that reused a document (its material says from which case).
create table wallet_document (
    id                  uuid         primary key,
    citizen_id          varchar(64)  not null,
    kind                varchar(10)  not null check (kind in ('MATERIAL', 'RESULT')),
    name                varchar(300) not null,
    issuer              varchar(300) not null,
    tenant_id           varchar(12)  not null,
    source_case_id      varchar(64)  not null,
    source_case_number  varchar(40)  not null,
    upload_id           uuid,
    issued_on           date         not null,
    valid_until         date,        -- null: no expiry
    retained_until      date,        -- a legal retention period: not deletable before this day
    deleted_at          timestamptz,
    unique (citizen_id, source_case_id, kind, name)
);
create index wallet_document_citizen_idx on wallet_document (citizen_id, issued_on desc);

-- Every use of the wallet: kept, reused (with the consent given at submission), deleted.
create table wallet_access (
    id           bigserial    primary key,
    citizen_id   varchar(64)  not null,
    document_id  uuid         not null references wallet_document (id),
    action       varchar(10)  not null check (action in ('KEPT', 'REUSED', 'DELETED')),
    case_id      varchar(64),
    consent      boolean,
    at           timestamptz  not null default now()
);
create index wallet_access_document_idx on wallet_access (document_id, at);
revoke update, delete, truncate on wallet_access from zwy_app;
