-- The existing referrals checked against V15's key (a referral's provider is its contract's provider). VALIDATE
-- CONSTRAINT takes a lock that lets referrals be written meanwhile, unlike adding a checked key (see V15).
alter table referral validate constraint referral_contract_provider_fkey;
