-- Referral creation is the platform's busiest write, and each foreign key it checks locks the row it points at
-- (FOR KEY SHARE). Every referral locked its tenant's row, so concurrent practitioners of one tenant all shared a
-- lock on one row, which PostgreSQL records as a multixact: measurable at 16 clients (docs/benchmarks.md).
--
-- The tenant key was implied by the contract's (contract.tenant_id references tenant), and the provider key is
-- replaced by a stronger one: a referral's provider must be the provider of its contract, which nothing enforced
-- before. Three checks (tenant, organisation, contract) become one (contract); the person check stays.
alter table contract add constraint contract_tenant_id_id_provider_id_key unique (tenant_id, id, provider_id);

alter table referral drop constraint referral_tenant_id_fkey;
alter table referral drop constraint referral_tenant_id_provider_id_fkey;
alter table referral drop constraint referral_tenant_id_contract_id_fkey;
alter table referral add constraint referral_contract_provider_fkey
    foreign key (tenant_id, contract_id, provider_id) references contract (tenant_id, id, provider_id);
