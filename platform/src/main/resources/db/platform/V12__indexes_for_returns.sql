-- Indexes that let a quarterly return be computed from index ranges of one contract and one quarter, most of them
-- covering what the reporting views read so PostgreSQL can answer from the index alone (index-only scans, with
-- the visibility map autovacuum keeps). Measured with benchmarks/returns.sh; docs/benchmarks.md says which KPI
-- needed which.

-- Activities of a contract in a period, with what a return counts of them (type, person, minutes).
drop index activity_by_contract_date;
create index activity_by_contract_date on activity (tenant_id, contract_id, occurred_on)
    include (type, person_id, duration_minutes);
-- Links with other services: each agency's first contact, found per agency.
create index activity_by_contract_agency on activity (tenant_id, contract_id, agency, occurred_on)
    where agency is not null;

-- Clocks of a contract by clock and start date: waiting lists and the share met on time.
create index referral_clock_by_contract on referral_clock (tenant_id, contract_id, clock_code, started_on)
    include (due_on, met_on, stopped_on);

-- Lifecycle events of a type in a period (referrals not accepted, by reason).
create index referral_event_by_type_date on referral_event (tenant_id, type, occurred_on)
    include (referral_id, reason);

-- Referrals that ended in a period, with how (left early, moved on).
create index referral_by_contract_ended on referral (tenant_id, contract_id, ended_on)
    include (outcome, outcome_reason, destination) where ended_on is not null;

-- The provider's people with the facts a return breaks figures down by.
create index person_by_provider_facts on person (tenant_id, provider_id)
    include (id, date_of_birth, postcode, equality);
