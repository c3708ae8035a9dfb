-- Issue 15 (return lines that count what happened): two rules every module's return lines share, kept here once.
--
-- 1. When a referral's service started. The lifecycle (ReferralLifecycle) puts a referral IN_SERVICE at its first
--    visit after acceptance, or when a plan is agreed; until then an accepted or undecided referral is waiting for a
--    service. "People waiting" and "time waiting" read this day; it is written with the status by every event.
alter table referral add column in_service_on date;
update referral r set in_service_on = (
    select min(e.occurred_on) from referral_event e
    where e.tenant_id = r.tenant_id and e.referral_id = r.id
      and (e.type = 'PLAN_AGREED'
           or (e.type = 'FIRST_VISIT' and exists (select from referral_event a
                                                  where a.tenant_id = e.tenant_id and a.referral_id = e.referral_id
                                                    and a.type = 'ACCEPTED' and a.occurred_at <= e.occurred_at))))
where r.status in ('IN_SERVICE', 'CLOSED');

-- 2. A referral can end before any service: the person withdrew or could not be contacted. That is not the service
--    declining them (no letter of decline, not a reason "not accepted"), and not leaving a plan before its goals.
alter table referral drop constraint referral_outcome_check;
alter table referral add constraint referral_outcome_check
    check (outcome in ('GOALS_MET', 'LEFT_BEFORE_GOALS_MET', 'MOVED_ON', 'WITHDRAWN'));

create or replace view reporting.referral with (security_barrier) as
select r.id, r.person_id, r.received_at, r.received_on, r.source, r.status, r.priority, r.eligible,
       r.service_level, r.service_hours, r.outcome, r.outcome_reason, r.destination, r.decline_reason, r.ended_on,
       r.form_code, r.data, r.in_service_on
from public.referral r
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

-- 3. Which quarter a clock belongs to, and whether it was met: the one rule for every response-time line. A clock
--    belongs to the period its due date falls in. It is MET if its stop came on or before the due date; MISSED if
--    it came later, or had not come by the end of the due date when the figures were counted; VOID if the referral
--    ended, unmet, on or before the due date (declined or closed: nobody was left waiting); PENDING while it is not
--    yet due on the day the figures are counted (a return computed during its own quarter). The day the figures are
--    counted to ("as of") is the earlier of today and the day after the period; the platform sets it per return.
create function carespec_kpi_as_of() returns date
    language sql stable set search_path = pg_catalog
as $$ select coalesce(nullif(current_setting('carespec.kpi_as_of', true), '')::date, current_date) $$;
grant execute on function carespec_kpi_as_of() to ${reportingRole};

create view reporting.clock_outcome with (security_barrier) as
select c.referral_id, c.clock_code, c.cycle, c.started_on, c.due_on, c.met_on, c.stopped_on,
       case when c.met_on is not null and c.met_on <= c.due_on then 'MET'
            when c.met_on is null and c.stopped_on is not null and c.stopped_on <= c.due_on then 'VOID'
            when c.met_on is not null then 'MISSED'
            when c.due_on < (select carespec_kpi_as_of()) then 'MISSED'
            else 'PENDING' end as result
from public.referral_clock c
where c.tenant_id = (select carespec_kpi_tenant()) and c.contract_id = (select carespec_kpi_contract());

grant select on reporting.clock_outcome to ${reportingRole};
