-- G4 (ADR 0028): a citizen downloads a document their wallet holds; each download is recorded like keeping, reuse
-- and deletion (wallet_access stays append-only for the application role).
alter table wallet_access drop constraint wallet_access_action_check;
alter table wallet_access add constraint wallet_access_action_check
    check (action in ('KEPT', 'REUSED', 'DELETED', 'DOWNLOADED'));
