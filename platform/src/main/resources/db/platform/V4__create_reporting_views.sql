-- The reporting views: what a module's KPI queries may read (KpiComputation.Sql). The platform runs those queries
-- as ${reportingRole}, a role that can read these views and nothing else. Before it does, the application role
-- writes the scope of the query (tenant and contract) into kpi_scope for its own backend; the reporting role cannot
-- write there. Each view keeps to that tenant and contract, and reads the tables under their row-level security
-- too, so a query that changed the session's tenant setting (set_config is open to every role) would see nothing
-- rather than another tenant's rows. No names, contact details, notes or encrypted columns are exposed: a return
-- counts, it does not identify. Limit: the role is taken with SET LOCAL ROLE on the application's own session, so
-- a query written to do so could set the role back; plugin validation refuses queries that change the session or
-- run dynamic SQL, and a separate reporting login is the follow-up (docs/architecture.md, "Returns").

do $$
begin
    if not exists (select from pg_roles where rolname = '${reportingRoleName}') then
        create role ${reportingRole} nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
    end if;
    if not exists (select from pg_auth_members m
                   join pg_roles r on r.oid = m.roleid join pg_roles a on a.oid = m.member
                   where r.rolname = '${reportingRoleName}' and a.rolname = '${appRoleName}') then
        grant ${reportingRole} to ${appRole};
    end if;
end
$$;

create table kpi_scope (
    tenant_id   uuid    not null references tenant (id),
    backend_pid integer not null,
    contract_id uuid    not null,
    primary key (tenant_id, backend_pid)
);
comment on table kpi_scope is 'carespec:not-audited the scope of the KPI query running on a backend, for one transaction';

-- Read as the owner (security definer), so the reporting role needs no right on kpi_scope; kpi_scope's own row
-- security still holds it to the session's tenant.
create function carespec_kpi_tenant() returns uuid
    language sql stable security definer set search_path = pg_catalog, public
as $$ select tenant_id from public.kpi_scope where backend_pid = pg_backend_pid() $$;
create function carespec_kpi_contract() returns uuid
    language sql stable security definer set search_path = pg_catalog, public
as $$ select contract_id from public.kpi_scope where backend_pid = pg_backend_pid() $$;
revoke execute on function carespec_kpi_tenant() from public;
revoke execute on function carespec_kpi_contract() from public;

create schema reporting;

create view reporting.referral with (security_barrier) as
select r.id, r.person_id, r.received_at, r.received_on, r.source, r.status, r.priority, r.eligible,
       r.service_level, r.service_hours, r.outcome, r.outcome_reason, r.destination, r.decline_reason, r.ended_on,
       r.form_code, r.data
from public.referral r
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

create view reporting.referral_person with (security_barrier) as
select rp.referral_id, rp.person_id, rp.relationship
from public.referral_person rp
join public.referral r on r.tenant_id = rp.tenant_id and r.id = rp.referral_id
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

create view reporting.referral_event with (security_barrier) as
select e.id, e.referral_id, e.type, e.occurred_at, e.occurred_on, e.reason, e.outcome
from public.referral_event e
join public.referral r on r.tenant_id = e.tenant_id and r.id = e.referral_id
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

create view reporting.referral_clock with (security_barrier) as
select c.referral_id, c.clock_code, c.cycle, c.started_on, c.due_on, c.met_on, c.stopped_on
from public.referral_clock c
where c.tenant_id = (select carespec_kpi_tenant()) and c.contract_id = (select carespec_kpi_contract());

-- People the contract has worked with: referred under it, or seen in its activities or groups.
create view reporting.person with (security_barrier) as
select p.id, p.date_of_birth, p.postcode, p.equality
from public.person p
where exists (select from public.referral r
              where r.tenant_id = p.tenant_id and r.person_id = p.id and r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract()))
   or exists (select from public.referral_person rp
              join public.referral r on r.tenant_id = rp.tenant_id and r.id = rp.referral_id
              where rp.tenant_id = p.tenant_id and rp.person_id = p.id and r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract()))
   or exists (select from public.activity a
              where a.tenant_id = p.tenant_id and a.person_id = p.id and a.tenant_id = (select carespec_kpi_tenant()) and a.contract_id = (select carespec_kpi_contract()))
   or exists (select from public.group_attendance ga
              join public.group_session s on s.tenant_id = ga.tenant_id and s.id = ga.session_id
              where ga.tenant_id = p.tenant_id and ga.person_id = p.id and s.tenant_id = (select carespec_kpi_tenant()) and s.contract_id = (select carespec_kpi_contract()));

create view reporting.activity with (security_barrier) as
select a.id, a.person_id, a.referral_id, a.type, a.occurred_on, a.duration_minutes, a.worker_id, a.agency, a.data
from public.activity a
where a.tenant_id = (select carespec_kpi_tenant()) and a.contract_id = (select carespec_kpi_contract());

create view reporting.group_session with (security_barrier) as
select s.id, s.type, s.held_on
from public.group_session s
where s.tenant_id = (select carespec_kpi_tenant()) and s.contract_id = (select carespec_kpi_contract());

create view reporting.group_attendance with (security_barrier) as
select ga.session_id, ga.person_id
from public.group_attendance ga
join public.group_session s on s.tenant_id = ga.tenant_id and s.id = ga.session_id
where s.tenant_id = (select carespec_kpi_tenant()) and s.contract_id = (select carespec_kpi_contract());

create view reporting.group_headcount with (security_barrier) as
select h.session_id, h.category, h.count
from public.group_headcount h
join public.group_session s on s.tenant_id = h.tenant_id and s.id = h.session_id
where s.tenant_id = (select carespec_kpi_tenant()) and s.contract_id = (select carespec_kpi_contract());

create view reporting.form_submission with (security_barrier) as
select f.id, f.person_id, f.referral_id, f.form_code, f.form_version, f.submitted_on, f.data
from public.form_submission f
where f.tenant_id = (select carespec_kpi_tenant()) and f.contract_id = (select carespec_kpi_contract());

create view reporting.plan with (security_barrier) as
select pl.id, pl.referral_id, pl.person_id, pl.agreed_on, pl.review_months, pl.next_review_on
from public.plan pl
join public.referral r on r.tenant_id = pl.tenant_id and r.id = pl.referral_id
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

create view reporting.plan_review with (security_barrier) as
select pr.id, pr.plan_id, pr.reviewed_on
from public.plan_review pr
join public.plan pl on pl.tenant_id = pr.tenant_id and pl.id = pr.plan_id
join public.referral r on r.tenant_id = pl.tenant_id and r.id = pl.referral_id
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

create view reporting.outcome_reading with (security_barrier) as
select o.id, o.person_id, o.referral_id, o.instrument, o.taken_on, o.scores
from public.outcome_reading o
where o.tenant_id = (select carespec_kpi_tenant()) and o.contract_id = (select carespec_kpi_contract());

create view reporting.feedback with (security_barrier) as
select f.id, f.kind, f.received_on, f.person_id, f.status, f.resolved_on, f.share_in_return
from public.feedback f
where f.tenant_id = (select carespec_kpi_tenant()) and f.contract_id = (select carespec_kpi_contract());

grant usage on schema reporting to ${reportingRole};
grant select on all tables in schema reporting to ${reportingRole};
grant execute on function carespec_kpi_tenant() to ${reportingRole};
grant execute on function carespec_kpi_contract() to ${reportingRole};
