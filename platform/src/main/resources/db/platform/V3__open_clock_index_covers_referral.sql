-- The overdue list counts and pages overdue referrals of one provider from the open-clock index alone: carrying
-- referral_id in the index lets PostgreSQL answer "which referrals have an open clock due before today" with an
-- index-only scan, however many referrals the provider holds (docs/benchmarks.md).
drop index referral_clock_open_by_provider;
create index referral_clock_open_by_provider on referral_clock (tenant_id, provider_id, due_on) include (referral_id)
    where met_on is null and stopped_on is null;
