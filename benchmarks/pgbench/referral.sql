-- The database work of one referral created through the API, statement for statement as the platform sends it
-- (benchmarks/casework.sh runs this with pgbench as the application role, under row-level security, with the
-- audit trigger): what referral creation would reach if the platform's JVM cost nothing. docs/benchmarks.md.
-- 1. the pooled connection is set up for the caller (RowSecuritySession); the sample row stands in for the
--    request's contract and person, which the platform has in hand
\set n random(1, :samples)
select set_config('app.tenant_id', tenant_id::text, false) as t, set_config('app.actor', 'practitioner@bench', false) as a,
       set_config('app.org_id', provider_id::text, false) as o, set_config('app.request_id', md5(random()::text), false) as q,
       set_config('app.operator', '', false) as p, tenant_id, contract_id, provider_id, person_id
from bench_emulation.sample where n = :n \gset
BEGIN;
-- 2. the contract (CaseworkAccess.ownContract, Micronaut Data's findById)
select id, tenant_id, module_id, reference, title, commissioner_id, provider_id, start_date, end_date, review_date,
       annual_value_pence, basis, outcome_domains, settings, contract_manager_name, contract_manager_email, created_at,
       updated_at
from contract where tenant_id = :tenant_id and id = :contract_id;
-- 3. the person's facts for the rules, which are also the ownership check
select date_of_birth, postcode, equality from person
where tenant_id = :tenant_id and id = :person_id and provider_id = :provider_id;
-- 4. the referral (a time-ordered id, as Ids.newId makes), its audit event written by the trigger
insert into referral (tenant_id, id, contract_id, provider_id, person_id, received_at, received_on, source, status,
                      priority, eligible, assessment, form_code, form_version, data, sensitive_enc)
values (:tenant_id, encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
            substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
            52, 1), 53, 1), 'hex')::uuid,
        :contract_id, :provider_id, :person_id, now() - interval '3 days', current_date - 3, 'GP', 'RECEIVED',
        'ROUTINE', true, '{"flags": [], "reasons": [], "eligible": true, "priority": "ROUTINE", "priorityReasons": []}',
        'referral', 1, '{"crisis": false, "reason": "Benchmark referral"}',
        decode(repeat('a1', 75), 'hex'))
returning id as referral_id, created_at \gset
-- 5. the two clocks that start at receipt
insert into referral_clock (tenant_id, referral_id, clock_code, cycle, provider_id, contract_id, started_on, due_on,
                            met_on, stopped_on)
values (:tenant_id, :referral_id, 'first-contact', 1, :provider_id, :contract_id, current_date - 3,
        current_date + 1, null, null),
       (:tenant_id, :referral_id, 'assessed', 1, :provider_id, :contract_id, current_date - 3,
        current_date + 11, null, null);
END;
-- 6. the connection is cleared before it goes back to the pool
select set_config('app.tenant_id', '', false), set_config('app.actor', '', false), set_config('app.org_id', '', false),
       set_config('app.request_id', '', false), set_config('app.operator', '', false);
