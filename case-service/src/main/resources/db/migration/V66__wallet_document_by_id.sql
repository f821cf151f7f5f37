-- G4: a wallet document is found by its id and its citizen (a wallet spans tenants, so the caller does not name the
-- tenant of the primary key). The citizen's index alone made each lookup read every document the citizen ever got:
-- 3.9 ms per delivered case for a citizen with a few thousand (docs/benchmarks/cases.md, 2026-12-04), growing with each.
create index wallet_document_id_idx on wallet_document (id, citizen_id);
