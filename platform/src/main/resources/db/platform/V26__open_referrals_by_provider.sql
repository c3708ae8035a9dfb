-- A practitioner's caseload opens on the provider's open referrals, newest first, with their count. At 100,000
-- referrals a provider, nine in ten closed, reading the whole provider index for them is most of the page's time;
-- this partial index holds only the open ones. Its predicate is spelled as ReferralList.OPEN spells it.
create index referral_open_by_provider on referral (tenant_id, provider_id, received_at desc, id)
    where status not in ('DECLINED', 'CLOSED');
