-- G3 (ADR 0032): an item's own form fields travel with its guide version (catalog.guide.published) and a case keeps
-- the values filed for them; G2: a package filing keeps the items it did not file because they do not apply in the
-- applicant's situation, with why. New columns only: keys, RLS and partitions stay as they are.
alter table guide_version_model add column form_fields text;
alter table case_file add column form_values text;
alter table package_case add column skipped text;
