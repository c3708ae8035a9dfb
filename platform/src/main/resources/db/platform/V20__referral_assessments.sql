-- Plugin contract 2 (issue 14, item 6): a referral's form data can be amended, and eligibility and priority are run
-- again; every verdict is kept with its time and author, so a self-referral confirmed at first contact (002 §4.9) or
-- a crisis that arises later (000 §3.2) is recorded as it happened. The first verdict of each referral so far is the
-- one it was received with.
create table referral_assessment (
    tenant_id   uuid        not null,
    referral_id uuid        not null,
    seq         integer     not null check (seq >= 1),
    assessed_at timestamptz not null default now(),
    assessed_by text,
    reason      text        not null check (length(reason) between 1 and 1000),
    eligible    boolean     not null,
    priority    text        not null check (priority in ('ROUTINE', 'HIGH', 'URGENT')),
    assessment  jsonb       not null,
    primary key (tenant_id, referral_id, seq),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id)
);

insert into referral_assessment (tenant_id, referral_id, seq, assessed_at, reason, eligible, priority, assessment)
select tenant_id, id, 1, created_at, 'Received', eligible, priority, assessment from referral;
