-- Situation-based guidance (G2, ADR 0026): the questionnaire published with a guide version (JSON, as
-- tenant-service's GuideContent.questionnaire; null when the item has none), and on a case the answers the
-- applicant gave on their path with the outcome they led to, so that staff see them and nothing is asked twice.
alter table guide_version_model add column questionnaire text;
alter table case_file add column guidance text;
