-- Plugin contract 2 (issue 14, item 5): modules declare referral events of their own beside the platform's
-- (ReferralEventDefinition). They never change a referral's status, so they are kept apart from referral_event,
-- whose types the lifecycle replays; the code is checked by the module (and its shape here), not by a list in the
-- database, so a module needs no migration of the platform to add one.
create table referral_module_event (
    tenant_id   uuid        not null,
    id          uuid        not null,
    referral_id uuid        not null,
    code        text        not null check (code ~ '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$' and length(code) <= 40),
    occurred_at timestamptz not null,
    occurred_on date        not null,
    note_enc    bytea,
    recorded_by text,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id)
);
create index referral_module_event_by_referral on referral_module_event (tenant_id, referral_id, occurred_at);

-- What KPI queries read of them: no note.
create view reporting.referral_module_event with (security_barrier) as
select e.referral_id, e.code, e.occurred_at, e.occurred_on
from public.referral_module_event e
join public.referral r on r.tenant_id = e.tenant_id and r.id = e.referral_id
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

grant select on reporting.referral_module_event to ${reportingRole};
