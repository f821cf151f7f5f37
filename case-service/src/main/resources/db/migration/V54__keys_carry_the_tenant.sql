-- Every key carries the tenant (issue #13, ADR 0027). PostgreSQL's partitioning by tenant and a distributed
-- PostgreSQL (Citus, distribution column tenant_id) both require the partition/distribution column in every
-- primary key and unique constraint, and a foreign key between two tenant tables must join on it too (in Citus
-- a foreign key between distributed tables has to include the distribution column; it also makes a child row of
-- another tenant than its case impossible). The values do not change: ids stay unique on their own (UUIDs and
-- sequences), the keys just name the tenant first. Global tables keep their keys (docs/scaling.md lists them and
-- why): national_calendar_year/_day, tenant_model, scheduled_tasks (db-scheduler's), material_upload and
-- material_object (the upload store: an upload belongs to its owner before any tenant's case claims it).

-- 1. the foreign keys between tenant tables go first: they depend on the keys being replaced
alter table case_file            drop constraint case_file_department_id_fkey,
                                 drop constraint case_file_package_case_id_fkey;
alter table case_pause           drop constraint case_pause_case_id_fkey;
alter table case_notice          drop constraint case_notice_case_id_fkey;
alter table case_action          drop constraint case_action_case_id_fkey;
alter table dishonesty_entry     drop constraint dishonesty_entry_case_id_fkey;
alter table case_deemed_approval drop constraint case_deemed_approval_case_id_fkey;
alter table case_entrustment     drop constraint case_entrustment_case_id_fkey;
alter table citizen_message      drop constraint citizen_message_review_opening_id_fkey,
                                 drop constraint citizen_message_case_id_fkey,
                                 drop constraint citizen_message_appointment_id_fkey,
                                 drop constraint citizen_message_complaint_id_fkey;
alter table sms_outbox           drop constraint sms_outbox_message_id_fkey,
                                 drop constraint sms_outbox_case_id_fkey;
alter table case_joint_review    drop constraint case_joint_review_case_id_fkey;
alter table case_escalation      drop constraint case_escalation_case_id_fkey;
alter table supervision_item     drop constraint supervision_item_department_id_fkey;
alter table supervision_push     drop constraint supervision_push_department_id_fkey,
                                 drop constraint supervision_push_case_id_fkey;
alter table review               drop constraint review_opening_id_fkey;
alter table review_rectification drop constraint review_rectification_review_id_fkey;
alter table review_dishonesty    drop constraint review_dishonesty_review_id_fkey;
alter table wallet_access        drop constraint wallet_access_document_id_fkey;

-- 2. the wallet's access log named its document only: it takes the document's tenant
alter table wallet_access add column tenant_id varchar(12);
update wallet_access a set tenant_id = d.tenant_id from wallet_document d where d.id = a.document_id;
alter table wallet_access alter column tenant_id set not null;

-- processed_event: an event without a tenant (a platform event, or a forged entry recorded as rejected) is kept
-- under the empty tenant, so that the key can name it
update processed_event set tenant_id = '' where tenant_id is null;
alter table processed_event alter column tenant_id set default '', alter column tenant_id set not null;

-- 3. primary keys: (tenant_id, what they were)
alter table appointment             drop constraint appointment_pkey,             add primary key (tenant_id, id);
alter table booking_bar             drop constraint booking_bar_pkey,             add primary key (tenant_id, id);
alter table booking_hall            drop constraint booking_hall_pkey,            add primary key (tenant_id, hall_id);
alter table booking_hall_day        drop constraint booking_hall_day_pkey,        add primary key (tenant_id, hall_id, date);
alter table booking_slot            drop constraint booking_slot_pkey,            add primary key (tenant_id, hall_id, starts_at);
alter table booking_window          drop constraint booking_window_pkey,          add primary key (tenant_id, window_id);
alter table case_action             drop constraint case_action_pkey,             add primary key (tenant_id, seq);
alter table case_deemed_approval    drop constraint case_deemed_approval_pkey,    add primary key (tenant_id, case_id);
alter table case_entrustment        drop constraint case_entrustment_pkey,        add primary key (tenant_id, case_id);
alter table case_escalation         drop constraint case_escalation_pkey,         add primary key (tenant_id, case_id);
alter table case_file               drop constraint case_file_pkey,               add primary key (tenant_id, id);
alter table case_joint_review       drop constraint case_joint_review_pkey,       add primary key (tenant_id, case_id, department);
alter table case_notice             drop constraint case_notice_pkey,             add primary key (tenant_id, case_id, round);
alter table case_pause              drop constraint case_pause_pkey,              add primary key (tenant_id, id);
alter table citizen_case            drop constraint citizen_case_pkey,            add primary key (tenant_id, case_id);
alter table citizen_message         drop constraint citizen_message_pkey,         add primary key (tenant_id, id);
alter table comparison_event        drop constraint comparison_event_pkey,        add primary key (tenant_id, event_id);
alter table complaint               drop constraint complaint_pkey,               add primary key (tenant_id, id);
alter table department_model        drop constraint department_model_pkey,        add primary key (tenant_id, id);
alter table dishonesty_entry        drop constraint dishonesty_entry_pkey,        add primary key (tenant_id, id);
alter table guide_version_model     drop constraint guide_version_model_pkey,     add primary key (tenant_id, version_id);
alter table outbox_event            drop constraint outbox_event_pkey,            add primary key (tenant_id, seq);
alter table package_case            drop constraint package_case_pkey,            add primary key (tenant_id, id);
alter table package_model           drop constraint package_model_pkey,           add primary key (tenant_id, package_id, version);
alter table personal_data_read      drop constraint personal_data_read_pkey,      add primary key (tenant_id, seq);
alter table processed_event         drop constraint processed_event_pkey,         add primary key (tenant_id, consumer_group, event_id);
alter table queue_counter           drop constraint queue_counter_pkey,           add primary key (tenant_id, hall_id, category, day);
alter table queue_ticket            drop constraint queue_ticket_pkey,            add primary key (tenant_id, id);
alter table queue_window_takeover   drop constraint queue_window_takeover_pkey,   add primary key (tenant_id, id);
alter table review                  drop constraint review_pkey,                  add primary key (tenant_id, id);
alter table review_dishonesty       drop constraint review_dishonesty_pkey,       add primary key (tenant_id, id);
alter table review_opening          drop constraint review_opening_pkey,          add primary key (tenant_id, id);
alter table review_rectification    drop constraint review_rectification_pkey,    add primary key (tenant_id, review_id);
alter table sms_outbox              drop constraint sms_outbox_pkey,              add primary key (tenant_id, message_id);
alter table special_service_request drop constraint special_service_request_pkey, add primary key (tenant_id, id);
alter table supervision_push        drop constraint supervision_push_pkey,        add primary key (tenant_id, case_id);
alter table wallet_access           drop constraint wallet_access_pkey,           add primary key (tenant_id, id);
alter table wallet_document         drop constraint wallet_document_pkey,         add primary key (tenant_id, id);

-- 4. unique constraints and indexes that did not name the tenant. Idempotency keys, booking codes and ticket
-- numbers are now unique within a tenant: every lookup by them already runs inside one tenant's context.
alter table appointment             drop constraint appointment_booking_code_key,
                                    add constraint appointment_booking_code_key unique (tenant_id, booking_code),
                                    drop constraint appointment_citizen_id_idempotency_key_key,
                                    add constraint appointment_citizen_id_idempotency_key_key unique (tenant_id, citizen_id, idempotency_key);
alter table complaint               drop constraint complaint_idem_owner_idempotency_key_key,
                                    add constraint complaint_idem_owner_idempotency_key_key unique (tenant_id, idem_owner, idempotency_key);
alter table dishonesty_entry        drop constraint dishonesty_entry_case_id_key,
                                    add constraint dishonesty_entry_case_id_key unique (tenant_id, case_id);
alter table guide_version_model     drop constraint guide_version_model_item_id_number_key,
                                    add constraint guide_version_model_item_id_number_key unique (tenant_id, item_id, number);
alter table outbox_event            drop constraint outbox_event_id_key,
                                    add constraint outbox_event_id_key unique (tenant_id, id);
alter table queue_ticket            drop constraint queue_ticket_taken_by_idempotency_key_key,
                                    add constraint queue_ticket_taken_by_idempotency_key_key unique (tenant_id, taken_by, idempotency_key),
                                    drop constraint queue_ticket_hall_id_category_day_seq_key,
                                    add constraint queue_ticket_hall_id_category_day_seq_key unique (tenant_id, hall_id, category, day, seq),
                                    drop constraint queue_ticket_appointment_id_key,
                                    add constraint queue_ticket_appointment_id_key unique (tenant_id, appointment_id);
alter table review                  drop constraint review_opening_id_key,
                                    add constraint review_opening_id_key unique (tenant_id, opening_id),
                                    drop constraint review_citizen_id_idempotency_key_key,
                                    add constraint review_citizen_id_idempotency_key_key unique (tenant_id, citizen_id, idempotency_key);
alter table review_dishonesty       drop constraint review_dishonesty_review_id_key,
                                    add constraint review_dishonesty_review_id_key unique (tenant_id, review_id);
alter table special_service_request drop constraint special_service_request_citizen_id_idempotency_key_key,
                                    add constraint special_service_request_citizen_id_idempotency_key_key unique (tenant_id, citizen_id, idempotency_key);
alter table wallet_document         drop constraint wallet_document_citizen_id_source_case_id_kind_name_key,
                                    add constraint wallet_document_citizen_id_source_case_id_kind_name_key
                                        unique (tenant_id, citizen_id, source_case_id, kind, name);
drop index queue_window_takeover_running;
create unique index queue_window_takeover_running on queue_window_takeover (tenant_id, window_id) where ended_at is null;

-- 5. the foreign keys again, through the tenant
alter table case_file            add constraint case_file_department_id_fkey foreign key (tenant_id, department_id) references department_model (tenant_id, id),
                                 add constraint case_file_package_case_id_fkey foreign key (tenant_id, package_case_id) references package_case (tenant_id, id);
alter table case_pause           add constraint case_pause_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table case_notice          add constraint case_notice_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table case_action          add constraint case_action_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table dishonesty_entry     add constraint dishonesty_entry_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table case_deemed_approval add constraint case_deemed_approval_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table case_entrustment     add constraint case_entrustment_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table citizen_message      add constraint citizen_message_review_opening_id_fkey foreign key (tenant_id, review_opening_id) references review_opening (tenant_id, id),
                                 add constraint citizen_message_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id),
                                 add constraint citizen_message_appointment_id_fkey foreign key (tenant_id, appointment_id) references appointment (tenant_id, id),
                                 add constraint citizen_message_complaint_id_fkey foreign key (tenant_id, complaint_id) references complaint (tenant_id, id);
alter table sms_outbox           add constraint sms_outbox_message_id_fkey foreign key (tenant_id, message_id) references citizen_message (tenant_id, id),
                                 add constraint sms_outbox_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table case_joint_review    add constraint case_joint_review_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table case_escalation      add constraint case_escalation_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table supervision_item     add constraint supervision_item_department_id_fkey foreign key (tenant_id, department_id) references department_model (tenant_id, id);
alter table supervision_push     add constraint supervision_push_department_id_fkey foreign key (tenant_id, department_id) references department_model (tenant_id, id),
                                 add constraint supervision_push_case_id_fkey foreign key (tenant_id, case_id) references case_file (tenant_id, id);
alter table review               add constraint review_opening_id_fkey foreign key (tenant_id, opening_id) references review_opening (tenant_id, id);
alter table review_rectification add constraint review_rectification_review_id_fkey foreign key (tenant_id, review_id) references review (tenant_id, id);
alter table review_dishonesty    add constraint review_dishonesty_review_id_fkey foreign key (tenant_id, review_id) references review (tenant_id, id);
alter table wallet_access        add constraint wallet_access_document_id_fkey foreign key (tenant_id, document_id) references wallet_document (tenant_id, id);
