-- Carespec platform schema 2: the case-management core every specification builds on.
-- People, relationships, referrals with their events and clocks, activities, groups, forms, plans, outcomes,
-- feedback, safeguarding, workforce, idempotency. Columns ending in _enc hold AEAD ciphertext (Tink AES-GCM,
-- bound to tenant, table, column and row), never plaintext.

alter table contract add column contract_manager_name text check (length(contract_manager_name) <= 200);
alter table contract add column contract_manager_email text check (length(contract_manager_email) <= 254);

alter table membership add column safeguarding_lead boolean not null default false;

-- ---------------------------------------------------------------- people
create table person (
    tenant_id               uuid        not null references tenant (id),
    id                      uuid        not null,
    provider_id             uuid        not null,
    given_name              text        not null check (length(given_name) between 1 and 100),
    family_name             text        not null check (length(family_name) between 1 and 100),
    date_of_birth           date,
    nhs_number              text        check (nhs_number ~ '^[0-9]{10}$'),
    postcode                text        check (length(postcode) <= 10),
    address                 text        check (length(address) <= 500),
    phone                   text        check (length(phone) <= 40),
    email                   text        check (length(email) <= 254),
    gp_practice             text        check (length(gp_practice) <= 200),
    preferred_language      text        check (length(preferred_language) <= 100),
    interpreter_needed      boolean,
    communication_needs_enc bytea,
    equality                jsonb       not null default '{}'::jsonb,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, provider_id) references organisation (tenant_id, id)
);
create index person_by_provider_name on person (tenant_id, provider_id, family_name, given_name);
create unique index person_nhs_number_per_provider on person (tenant_id, provider_id, nhs_number)
    where nhs_number is not null;

create table person_relationship (
    tenant_id         uuid        not null,
    id                uuid        not null,
    person_id         uuid        not null,
    related_person_id uuid        not null,
    kind              text        not null check (kind in ('CARER_OF', 'PARENT_OF', 'NEXT_OF_KIN')),
    created_at        timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, person_id, related_person_id, kind),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, related_person_id) references person (tenant_id, id),
    check (person_id <> related_person_id)
);
create index person_relationship_by_related on person_relationship (tenant_id, related_person_id);

-- ---------------------------------------------------------------- workforce
create table worker (
    tenant_id                  uuid        not null references tenant (id),
    id                         uuid        not null,
    provider_id                uuid        not null,
    user_id                    uuid        references user_account (id),
    name                       text        not null check (length(name) between 1 and 200),
    kind                       text        not null check (kind in ('STAFF', 'VOLUNTEER')),
    job_title                  text        check (length(job_title) <= 200),
    driving_licence_expires_on date,
    motor_insurance_expires_on date,
    created_at                 timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, provider_id) references organisation (tenant_id, id)
);
create index worker_by_provider on worker (tenant_id, provider_id, name);

create table worker_training (
    tenant_id     uuid        not null,
    id            uuid        not null,
    worker_id     uuid        not null,
    training_code text        not null check (length(training_code) between 1 and 64),
    title         text        check (length(title) <= 200),
    completed_on  date        not null,
    expires_on    date,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, worker_id) references worker (tenant_id, id)
);
create index worker_training_by_worker on worker_training (tenant_id, worker_id, training_code, completed_on);

create table worker_dbs_check (
    tenant_id              uuid        not null,
    id                     uuid        not null,
    worker_id              uuid        not null,
    level                  text        not null check (level in ('BASIC', 'STANDARD', 'ENHANCED',
                                                                 'ENHANCED_WITH_BARRED_LISTS')),
    certificate_number_enc bytea       not null,
    issued_on              date        not null,
    update_service         boolean     not null default false,
    recheck_on             date        not null,
    created_at             timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, worker_id) references worker (tenant_id, id),
    check (recheck_on >= issued_on)
);
create index worker_dbs_by_worker on worker_dbs_check (tenant_id, worker_id, recheck_on);

-- ---------------------------------------------------------------- referrals
create table referral (
    tenant_id           uuid        not null references tenant (id),
    id                  uuid        not null,
    contract_id         uuid        not null,
    provider_id         uuid        not null,
    person_id           uuid        not null,
    received_at         timestamptz not null,
    received_on         date        not null,
    source              text        not null check (length(source) <= 64),
    status              text        not null check (status in ('RECEIVED', 'CONTACTED', 'ASSESSED', 'ACCEPTED',
                                                               'WAITING', 'IN_SERVICE', 'DECLINED', 'CLOSED')),
    priority            text        not null check (priority in ('ROUTINE', 'HIGH', 'URGENT')),
    eligible            boolean     not null,
    assessment          jsonb       not null default '{}'::jsonb,
    form_code           text,
    form_version        integer,
    data                jsonb       not null default '{}'::jsonb,
    sensitive_enc       bytea,
    service_level       text        check (length(service_level) <= 32),
    service_hours       numeric(5, 2),
    outcome             text        check (outcome in ('GOALS_MET', 'LEFT_BEFORE_GOALS_MET', 'MOVED_ON')),
    outcome_reason      text,
    destination         text,
    decline_reason      text,
    ended_on            date,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    foreign key (tenant_id, provider_id) references organisation (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index referral_by_provider_received on referral (tenant_id, provider_id, received_at desc, id);
create index referral_by_contract_received on referral (tenant_id, contract_id, received_on);
create index referral_by_person on referral (tenant_id, person_id);

create table referral_person (
    tenant_id    uuid not null,
    referral_id  uuid not null,
    person_id    uuid not null,
    relationship text not null check (length(relationship) <= 32),
    primary key (tenant_id, referral_id, person_id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);

create table referral_event (
    tenant_id   uuid        not null,
    id          uuid        not null,
    referral_id uuid        not null,
    type        text        not null check (type in ('CONTACTED', 'ASSESSED', 'ACCEPTED', 'DECLINED', 'FIRST_VISIT',
                                                     'PLAN_AGREED', 'REVIEWED', 'WAITING', 'CLOSED')),
    occurred_at timestamptz not null,
    occurred_on date        not null,
    reason      text        check (length(reason) <= 64),
    note_enc    bytea,
    outcome     jsonb,
    recorded_by text,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id)
);
create index referral_event_by_referral on referral_event (tenant_id, referral_id, occurred_at);

-- One row per clock cycle; recomputed from the events whenever one arrives. Status is derived on reading.
-- Not row-audited: it is derived from referral_event, which is.
create table referral_clock (
    tenant_id   uuid    not null,
    referral_id uuid    not null,
    clock_code  text    not null,
    cycle       integer not null,
    provider_id uuid    not null,
    contract_id uuid    not null,
    started_on  date    not null,
    due_on      date    not null,
    met_on      date,
    stopped_on  date,
    primary key (tenant_id, referral_id, clock_code, cycle),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id)
);
-- The overdue list: open clocks of one provider, oldest due first.
comment on table referral_clock is 'carespec:not-audited derived from referral and referral_event';
create index referral_clock_open_by_provider on referral_clock (tenant_id, provider_id, due_on)
    where met_on is null and stopped_on is null;

-- ---------------------------------------------------------------- forms
create table form_submission (
    tenant_id     uuid        not null,
    id            uuid        not null,
    contract_id   uuid        not null,
    person_id     uuid        not null,
    referral_id   uuid,
    form_code     text        not null,
    form_version  integer     not null,
    data          jsonb       not null,
    sensitive_enc bytea,
    submitted_on  date        not null,
    submitted_by  text,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id)
);
create index form_submission_by_person on form_submission (tenant_id, person_id, form_code, submitted_on);
create index form_submission_by_referral on form_submission (tenant_id, referral_id);

-- ---------------------------------------------------------------- activities and contacts
create table activity (
    tenant_id        uuid        not null,
    id               uuid        not null,
    contract_id      uuid        not null,
    provider_id      uuid        not null,
    person_id        uuid        not null,
    referral_id      uuid,
    type             text        not null check (length(type) <= 64),
    occurred_on      date        not null,
    duration_minutes integer     check (duration_minutes between 0 and 1440),
    worker_id        uuid,
    agency           text        check (length(agency) <= 200),
    notes_enc        bytea,
    data             jsonb       not null default '{}'::jsonb,
    recorded_by      text,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id),
    foreign key (tenant_id, worker_id) references worker (tenant_id, id)
);
create index activity_by_contract_date on activity (tenant_id, contract_id, occurred_on);
create index activity_by_person on activity (tenant_id, person_id, occurred_on);
create index activity_by_referral on activity (tenant_id, referral_id) where referral_id is not null;

-- ---------------------------------------------------------------- groups
create table group_session (
    tenant_id       uuid        not null,
    id              uuid        not null,
    contract_id     uuid        not null,
    provider_id     uuid        not null,
    type            text        not null check (length(type) <= 64),
    title           text        check (length(title) <= 200),
    held_on         date        not null,
    place           text        check (length(place) <= 200),
    facilitator_ids uuid[]      not null default '{}',
    notes_enc       bytea,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);
create index group_session_by_contract_date on group_session (tenant_id, contract_id, held_on);

create table group_attendance (
    tenant_id  uuid not null,
    session_id uuid not null,
    person_id  uuid not null,
    primary key (tenant_id, session_id, person_id),
    foreign key (tenant_id, session_id) references group_session (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index group_attendance_by_person on group_attendance (tenant_id, person_id);

create table group_headcount (
    tenant_id  uuid    not null,
    session_id uuid    not null,
    category   text    not null check (length(category) between 1 and 100),
    count      integer not null check (count between 0 and 100000),
    primary key (tenant_id, session_id, category),
    foreign key (tenant_id, session_id) references group_session (tenant_id, id)
);

-- ---------------------------------------------------------------- plans
create table plan (
    tenant_id      uuid        not null,
    id             uuid        not null,
    referral_id    uuid        not null,
    person_id      uuid        not null,
    agreed_on      date        not null,
    review_months  integer     not null check (review_months between 1 and 24),
    next_review_on date        not null,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index plan_by_referral on plan (tenant_id, referral_id);

create table plan_goal (
    tenant_id uuid    not null,
    id        uuid    not null,
    plan_id   uuid    not null,
    position  integer not null,
    title     text    not null check (length(title) between 1 and 300),
    detail    text    check (length(detail) <= 2000),
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references plan (tenant_id, id)
);

create table plan_review (
    tenant_id   uuid        not null,
    id          uuid        not null,
    plan_id     uuid        not null,
    reviewed_on date        not null,
    notes_enc   bytea,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references plan (tenant_id, id)
);

create table plan_goal_progress (
    tenant_id uuid not null,
    review_id uuid not null,
    goal_id   uuid not null,
    progress  text not null check (progress in ('NOT_STARTED', 'SOME_PROGRESS', 'GOOD_PROGRESS', 'ACHIEVED',
                                                'NO_LONGER_RELEVANT')),
    comment   text check (length(comment) <= 1000),
    primary key (tenant_id, review_id, goal_id),
    foreign key (tenant_id, review_id) references plan_review (tenant_id, id),
    foreign key (tenant_id, goal_id) references plan_goal (tenant_id, id)
);

-- ---------------------------------------------------------------- outcome measures
create table outcome_reading (
    tenant_id   uuid        not null,
    id          uuid        not null,
    contract_id uuid        not null,
    person_id   uuid        not null,
    referral_id uuid,
    instrument  text        not null,
    taken_on    date        not null,
    scores      jsonb       not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index outcome_reading_by_person on outcome_reading (tenant_id, person_id, instrument, taken_on);

-- ---------------------------------------------------------------- complaints, compliments, testimony
create table feedback (
    tenant_id   uuid        not null,
    id          uuid        not null,
    contract_id uuid        not null,
    kind        text        not null check (kind in ('COMPLAINT', 'COMPLIMENT', 'TESTIMONY')),
    received_on date        not null,
    person_id   uuid,
    summary_enc bytea       not null,
    status      text        not null check (status in ('OPEN', 'RESOLVED', 'WITHDRAWN')),
    resolved_on date,
    share_in_return boolean not null default false,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index feedback_by_contract on feedback (tenant_id, contract_id, kind, received_on);

-- ---------------------------------------------------------------- safeguarding
create table safeguarding_concern (
    tenant_id          uuid        not null,
    id                 uuid        not null,
    contract_id        uuid        not null,
    provider_id        uuid        not null,
    about_person_id    uuid        not null,
    raised_by          text        not null,
    raised_on          date        not null,
    category           text        not null check (category in ('PHYSICAL', 'EMOTIONAL', 'SEXUAL', 'NEGLECT',
                                   'FINANCIAL', 'DOMESTIC', 'MODERN_SLAVERY', 'DISCRIMINATORY', 'ORGANISATIONAL',
                                   'SELF_NEGLECT', 'OTHER')),
    details_enc        bytea       not null,
    action_taken_enc   bytea,
    referred_to_local_authority boolean not null default false,
    local_authority_reference   text check (length(local_authority_reference) <= 64),
    status             text        not null check (status in ('OPEN', 'CLOSED')),
    closed_on          date,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    foreign key (tenant_id, about_person_id) references person (tenant_id, id)
);
create index safeguarding_by_provider on safeguarding_concern (tenant_id, provider_id, status, raised_on);

-- ---------------------------------------------------------------- idempotency
-- A create request sent twice with the same Idempotency-Key returns the first answer and creates nothing new.
-- Only the created resource's id is kept: a replay reads the resource again, so no copy of personal data lands
-- here. Not row-audited: the creation it guards is.
create table idempotency_key (
    tenant_id    uuid        not null,
    actor        text        not null,
    key          text        not null check (length(key) between 1 and 128),
    request_hash text        not null,
    resource_id  uuid,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, actor, key)
);
comment on table idempotency_key is 'carespec:not-audited technical record of create requests';
