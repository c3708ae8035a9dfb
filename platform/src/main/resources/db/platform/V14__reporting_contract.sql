-- A return may set figures against the money (002 §1.7: "maximise the volume and quality of the service provided
-- for the money available", so Carers Options reports cost per carer and per break). The contract's own terms,
-- one row, for the contract of the KPI session: no parties' names, no settings.
create view reporting.contract with (security_barrier) as
select c.start_date, c.end_date, c.annual_value_pence, c.basis
from public.contract c
where c.tenant_id = (select carespec_kpi_tenant()) and c.id = (select carespec_kpi_contract());

grant select on reporting.contract to ${reportingRole};
