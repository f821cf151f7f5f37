-- When a national year was announced on the event path (calendar.national.year): consumers such as
-- case-service keep their own copy for deadlines (C4). Null = not yet announced.
alter table national_calendar_year add column announced_at timestamptz;
