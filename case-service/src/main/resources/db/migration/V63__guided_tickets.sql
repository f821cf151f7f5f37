-- G1 智能导办 (ADR 0036): a ticket taken straight from the guidance carries the item it is for and the guidance outcome,
-- so that the window calling it sees what the citizen comes for and asks nothing twice.

-- the hall queue's business category serving the item (GuideContent.queueCategory, announced with the guide since ADR 0032);
-- versions announced before this column existed get it when their event is replayed (GuideReadModel fills a null one)
alter table guide_version_model add column queue_category varchar(6);

-- the item (<tenant>:<uuid>) and what the guide found: the guide version, item name, outcome, sub-item, materials and the
-- answered path (the path is shown to the tenant's staff only; the ticket by its id is public)
alter table queue_ticket add column item_id varchar(60);
alter table queue_ticket add column visit jsonb;
