-- Situation-based guidance (G2, ADR 0026): the questionnaire published with a guide version (JSON, as
-- tenant-service's GuideContent.questionnaire; null when the item has none), and on a case the answers the
-- applicant gave on their path with the outcome they led to, so that staff see them and nothing is asked twice.
alter table guide_version_model add column questionnaire text;
-- G4: what an approved case under the version issues (the guide's result, e.g. 出生医学证明), kept in the wallet
alter table guide_version_model add column result_name varchar(300);
alter table case_file add column guidance text;
