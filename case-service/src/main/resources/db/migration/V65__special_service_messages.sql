-- A7: the citizen who asked for a home visit or urgent handling is told what the centre decided, as a booking's
-- citizen is: the time and the staff member who comes when it is scheduled (again when it is moved), the reason
-- when it is declined, and a reminder the day and the hour before a scheduled one. An in-app message about the
-- request, with the same text by SMS to the phone the request gave (sealed, M3).
alter table citizen_message add column special_service_id uuid;
alter table citizen_message add constraint citizen_message_special_service_id_fkey
    foreign key (tenant_id, special_service_id) references special_service_request (tenant_id, id);
alter table citizen_message drop constraint citizen_message_subject;
alter table citizen_message add constraint citizen_message_subject
    check (num_nonnulls(case_id, appointment_id, review_opening_id, complaint_id, special_service_id) = 1);
alter table citizen_message drop constraint citizen_message_kind_check;
alter table citizen_message add constraint citizen_message_kind_check
    check (kind in ('RECEIPT', 'ONE_TIME_NOTICE', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'DELIVERED', 'UPPER_REPLY',
                    'APPOINTMENT_BOOKED', 'APPOINTMENT_REMINDER', 'APPOINTMENT_CANCELLED', 'NO_SHOW', 'BOOKING_BARRED',
                    'REVIEW_REMINDER', 'REVIEW_REPLY',
                    'COMPLAINT_ACCEPTED', 'COMPLAINT_REFUSED', 'COMPLAINT_DELAYED', 'COMPLAINT_RESULT',
                    'SPECIAL_SERVICE_SCHEDULED', 'SPECIAL_SERVICE_REMINDER', 'SPECIAL_SERVICE_DECLINED'));
