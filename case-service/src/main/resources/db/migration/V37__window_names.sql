-- The calling screen (A5, ADR 0017) says which window to go to: booking's window read model keeps the window's
-- number and name from window.changed too. Rows written before this stay null until their window changes next
-- (the screen then shows the window's id).
alter table booking_window add column number varchar(10), add column name varchar(100);
