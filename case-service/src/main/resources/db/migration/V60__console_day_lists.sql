-- The staff console's remaining lists (issue 12, ADR 0033).
--
-- A hall's appointments of a day by name (A1, M3): the name of who comes, kept masked as every staff view shows it
-- (张*), and a keyed hash of the full name (the blind index of privacy.BlindIndex, kind NAME) so that staff can find a
-- booking by the name a citizen gives at the window without the name being stored in full. For oneself it is the
-- account's name at booking time; for a person booked for (帮办) their name. Bookings made before this column existed
-- show the masked name of the person booked for, or none.
alter table appointment add column person_name_masked varchar(60);
alter table appointment add column person_name_index char(64);
create index appointment_hall_day_idx on appointment (tenant_id, hall_id, day, starts_at);
create index appointment_name_idx on appointment (tenant_id, day, person_name_index) where person_name_index is not null;

-- A department's work list of joint reviews (C10): the reviews still waiting for an opinion, the soonest due first.
create index case_joint_review_pending_idx on case_joint_review (tenant_id, due) where state = 'PENDING';
