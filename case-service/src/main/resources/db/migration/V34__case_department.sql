-- Handling (issue 8, T5): the front desk assigns an accepted case to one of the tenant's departments,
-- whose chief representative holds the approval authority; the department's queue is the inbox filtered
-- by it.
alter table case_file add column department_id uuid references department_model (id);

create index case_file_department_idx on case_file (tenant_id, department_id, (coalesce(deadline, date '9999-12-31')), submitted_at, id)
    where department_id is not null;
