-- reporting.person answered "the people this contract has worked with" with four EXISTS tests per person. The views
-- are security barriers, so PostgreSQL cannot push a KPI query's join into them: it evaluated those tests for every
-- person of the tenant, hashing the contract's whole activity history each time (a KPI joining it took over 20 s
-- for a contract with a million activities). The view now holds the people of the provider that holds the
-- contract, found through person_by_provider_name, which costs one index range scan. A KPI query reaches the
-- contract's own people by joining this view from the contract's referrals, activities or attendance, as the
-- plugin guide says; the view still shows no names, contact details or notes.

create function carespec_kpi_provider() returns uuid
    language sql stable security definer set search_path = pg_catalog, public
as $$ select c.provider_id from public.contract c
      where c.tenant_id = (select carespec_kpi_tenant()) and c.id = (select carespec_kpi_contract()) $$;
revoke execute on function carespec_kpi_provider() from public;
grant execute on function carespec_kpi_provider() to ${reportingRole};

create or replace view reporting.person with (security_barrier) as
select p.id, p.date_of_birth, p.postcode, p.equality
from public.person p
where p.tenant_id = (select carespec_kpi_tenant()) and p.provider_id = (select carespec_kpi_provider());
