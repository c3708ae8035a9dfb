-- Plugin contract 2.1 (issue 14, item 5: "person facts include the local authority"): the council a person lives in,
-- as its ONS (GSS) code, recorded when a worker has confirmed it. A postcode district can straddle a council boundary
-- (002 §1.6: WF4 holds Kirklees villages, BD11 a Leeds one), so a residency rule reads this confirmed answer before
-- it guesses from the postcode. Not sensitive on its own (it is coarser than the postcode already held in plain).
alter table person add column local_authority_code text check (local_authority_code ~ '^[ENSW][0-9]{8}$');

-- KPI queries may break a line down by the council people live in.
create or replace view reporting.person with (security_barrier) as
select p.id, p.date_of_birth, p.postcode, p.equality, p.local_authority_code
from public.person p
where p.tenant_id = (select carespec_kpi_tenant()) and p.provider_id = (select carespec_kpi_provider());
