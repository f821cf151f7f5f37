-- case_file partitioned by HASH (tenant_id) into 16 partitions (issue #13, ADR 0027). Every statement of the
-- service names the tenant (and row-level security adds it), so a case's reads and writes touch one partition; a
-- county's cases sit together, vacuum and index maintenance work per partition, and one partition can later move
-- (detach/attach, or a Citus shard). 16: about 120 counties of a province give 7–8 each; more partitions cost
-- planning time on the queries that span tenants (the platform's reports), fewer leave partitions of 60M rows at
-- the province's ten-year volume. Hash, not list: tenants come and go without DDL.
--
-- PostgreSQL cannot turn a table into a partitioned one in place: a new partitioned table takes the rows, and
-- everything that pointed at the old one (keys, indexes, the live-update trigger, the row-level security policies
-- of case_file and of the child tables whose policies look at case_file, foreign keys of the children, grants) is
-- captured from the catalog first and created again on the new table, so nothing is left out by hand.

create temporary table case_file_ddl (ord int, sql text);

-- the table's own keys (V54 made them all start with tenant_id, as partitioning requires) and foreign keys
insert into case_file_ddl
select 10, format('alter table case_file add constraint %I %s', conname, pg_get_constraintdef(oid))
from pg_constraint where conrelid = 'case_file'::regclass and contype in ('p', 'u', 'f');
-- indexes that are not a constraint's
insert into case_file_ddl
select 20, pg_get_indexdef(i.indexrelid)
from pg_index i where i.indrelid = 'case_file'::regclass
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = 'case_file'::regclass);
-- foreign keys of other tables to case_file
insert into case_file_ddl
select 30, format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
from pg_constraint where confrelid = 'case_file'::regclass and contype = 'f';
-- the live-update trigger (NOTIFY)
insert into case_file_ddl
select 40, pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'case_file'::regclass and not tgisinternal;
-- row-level security: case_file's policies and every other policy whose expression reads case_file. The child
-- tables' policies for the receiving and the escalated tenant look their case up by id; they now name the case's
-- tenant as well (the child's own, which the foreign key makes the case's), so that the look-up prunes to one
-- partition instead of probing all 16 for every row read or written.
insert into case_file_ddl
select 50, regexp_replace(
           format('create policy %I on %I.%I as %s for %s to %s%s%s', p.policyname, p.schemaname, p.tablename, p.permissive, p.cmd,
                  array_to_string(p.roles, ', '),
                  coalesce(' using (' || p.qual || ')', ''), coalesce(' with check (' || p.with_check || ')', '')),
           '\(f\.id = (\w+)\.case_id\)', '((f.tenant_id)::text = (\1.tenant_id)::text) AND (f.id = \1.case_id)', 'g')
from pg_policies p
where p.schemaname = 'public'
  and (p.tablename = 'case_file'
       or exists (select 1 from pg_policy pp join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = pp.oid
                  where pp.polname = p.policyname and pp.polrelid = format('%I.%I', p.schemaname, p.tablename)::regclass
                    and d.refobjid = 'case_file'::regclass));
insert into case_file_ddl
select 60, format('grant %s on case_file to %I', a.privilege_type, r.rolname)
from pg_class c, aclexplode(c.relacl) a join pg_roles r on r.oid = a.grantee
where c.oid = 'case_file'::regclass and r.rolname <> 'zwy_owner';

-- the policies of other tables that read case_file go before it does (they would keep the old table)
do $$
declare p record;
begin
    for p in select distinct pp.polname, pp.polrelid::regclass as rel from pg_policy pp
             join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = pp.oid
             where d.refobjid = 'case_file'::regclass and pp.polrelid <> 'case_file'::regclass loop
        execute format('drop policy %I on %s', p.polname, p.rel);
    end loop;
end $$;

create table case_file_partitioned (like case_file including defaults including constraints including storage including comments)
    partition by hash (tenant_id);
do $$
begin
    for i in 0..15 loop
        execute format('create table case_file_p%s partition of case_file_partitioned for values with (modulus 16, remainder %s)', lpad(i::text, 2, '0'), i);
    end loop;
end $$;
insert into case_file_partitioned select * from case_file;

drop table case_file cascade;
alter table case_file_partitioned rename to case_file;
alter table case_file enable row level security;
alter table case_file force row level security;

do $$
declare s record;
begin
    for s in select sql from case_file_ddl order by ord loop
        execute s.sql;
    end loop;
end $$;
drop table case_file_ddl;
