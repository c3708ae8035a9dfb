-- Measured by the records benchmark (docs/benchmarks.md): a KPI over actions "done in the quarter" took 952 ms of a
-- 1,018 ms return over 1,000,000 records, because the link view joined every link back to its record to find the
-- contract and nothing indexed the day a status was reached. A link now carries its contract, which its keys hold
-- to both ends (a link can never cross contracts), the view reads it directly, and the status day is indexed.
-- A migration of its own rather than an edit of V18: V18 was on main, and a database made with it must upgrade.

alter table record add constraint record_tenant_id_id_contract_id_key unique (tenant_id, id, contract_id);

alter table record_link add column contract_id uuid;
update record_link l set contract_id = r.contract_id
from record r where r.tenant_id = l.tenant_id and r.id = l.record_id;
alter table record_link alter column contract_id set not null;
alter table record_link drop constraint record_link_tenant_id_record_id_fkey;
alter table record_link drop constraint record_link_tenant_id_target_id_fkey;
alter table record_link add constraint record_link_record_in_contract_fkey
    foreign key (tenant_id, record_id, contract_id) references record (tenant_id, id, contract_id);
alter table record_link add constraint record_link_target_in_contract_fkey
    foreign key (tenant_id, target_id, contract_id) references record (tenant_id, id, contract_id);
create index record_link_by_contract on record_link (tenant_id, contract_id, name);

-- "done in the quarter": a KPI over a lifecycle reads the day a status was reached
create index record_by_status on record (tenant_id, contract_id, type_code, status_on) where status_on is not null;

-- The record view gains the day its status was reached; the link view reads the link's own contract.
drop view reporting.record_link;
drop view reporting.record;
create view reporting.record with (security_barrier) as
select r.id, r.type_code, r.type_version, r.person_id, r.referral_id, r.status, r.status_on, r.recorded_on, r.data,
       coalesce((select jsonb_object_agg(l.name, l.target_id) from public.record_link l
                 where l.tenant_id = r.tenant_id and l.record_id = r.id), '{}'::jsonb) as links
from public.record r
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

create view reporting.record_link with (security_barrier) as
select l.record_id, l.name, l.target_id
from public.record_link l
where l.tenant_id = (select carespec_kpi_tenant()) and l.contract_id = (select carespec_kpi_contract());

grant select on reporting.record, reporting.record_link to ${reportingRole};
