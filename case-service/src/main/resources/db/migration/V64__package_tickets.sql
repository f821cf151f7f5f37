-- G3 一窗受理 at the hall (ADR 0037): one ticket for a whole "one thing" package, taken straight from the package's
-- guidance at the hall's comprehensive windows. The ticket keeps the package (<tenant>:<uuid>) it is for, so that a replay
-- of the idempotency key must name the same package; what the guidance found (every applying part, the skipped ones and
-- the materials) is in visit, as an item's is (V63).
alter table queue_ticket add column package_id varchar(60);
