-- Referral creation is the platform's busiest write, and each foreign key it checks locks the row it points at
-- (FOR KEY SHARE). Every referral locked its tenant's row, so concurrent practitioners of one tenant all shared a
-- lock on one row, which PostgreSQL records as a multixact (one of the costs the casework benchmark lost, docs/benchmarks.md).
--
-- The tenant key was implied by the contract's (contract.tenant_id references tenant), and the provider key is
-- replaced by a stronger one: a referral's provider must be the provider of its contract, which nothing enforced
-- before. Three checks (tenant, organisation, contract) become one (contract); the person check stays.
alter table contract add constraint contract_tenant_id_id_provider_id_key unique (tenant_id, id, provider_id);

alter table referral drop constraint referral_tenant_id_fkey;
alter table referral drop constraint referral_tenant_id_provider_id_fkey;
alter table referral drop constraint referral_tenant_id_contract_id_fkey;
-- NOT VALID here and VALIDATE in V16, each in its own transaction: checking every existing referral under this
-- migration's locks would stop referral writes of instances still serving during a rolling deployment; V16's
-- VALIDATE lets them carry on. New rows are checked from this migration on.
alter table referral add constraint referral_contract_provider_fkey
    foreign key (tenant_id, contract_id, provider_id) references contract (tenant_id, id, provider_id) not valid;
