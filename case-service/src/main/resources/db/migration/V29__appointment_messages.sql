-- The citizen's messages and SMS about appointments (ADR 0014): booked, reminders the day before and an
-- hour before, no-show and the booking bar (A2). A message is about a case or an appointment.
alter table citizen_message alter column case_id drop not null;
alter table citizen_message alter column case_number drop not null;
alter table citizen_message add column appointment_id uuid references appointment (id);
alter table citizen_message add column booking_code varchar(12);
alter table citizen_message add constraint citizen_message_subject check ((case_id is null) <> (appointment_id is null));
alter table citizen_message alter column kind type varchar(30);
alter table citizen_message drop constraint citizen_message_kind_check;
alter table citizen_message add constraint citizen_message_kind_check check (kind in ('RECEIPT', 'ONE_TIME_NOTICE', 'ACCEPTED',
    'REJECTED', 'COMPLETED', 'DELIVERED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_REMINDER', 'APPOINTMENT_CANCELLED', 'NO_SHOW',
    'BOOKING_BARRED'));

-- An SMS about an appointment carries its sealed number here (a case's is read from the case, which key
-- rotation keeps re-sealing; KeyRotation re-seals this column the same way, by table and column).
alter table sms_outbox alter column case_id drop not null;
alter table sms_outbox add column phone_sealed varchar(500);
alter table sms_outbox add constraint sms_outbox_phone check (case_id is not null or phone_sealed is not null);
