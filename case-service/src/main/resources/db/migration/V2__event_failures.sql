-- An event a consumer can never process (unreadable payload …) is recorded with the reason
-- instead of blocking the stream; processed_event rows with a failure are for an operator to read.
alter table processed_event add column failure varchar(1000);
