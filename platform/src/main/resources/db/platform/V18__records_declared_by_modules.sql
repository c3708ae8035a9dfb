-- Plugin contract 2 (issue 14): everything a module records after a referral is a record of a type it declares
-- (RecordType): person-bound, person-optional or contract-level, with an optional lifecycle status and links to other
-- records. Form submissions were the person-bound case and become records here, keeping their ids.

create table record (
    tenant_id    uuid        not null,
    id           uuid        not null,
    contract_id  uuid        not null,
    -- the contract's provider, kept on the row so a provider's records are one index range and the key below
    -- proves a record can never name another provider's contract
    provider_id  uuid        not null,
    type_code    text        not null check (type_code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    type_version integer     not null check (type_version >= 1),
    person_id    uuid,
    referral_id  uuid,
    status       text        check (length(status) between 1 and 64),
    status_on    date,
    data         jsonb       not null,
    sensitive_enc bytea,
    -- which field name the sensitive part was sealed under (FieldCipher's associated data): records made here are
    -- 'record.data'; the form submissions moved below keep the ciphertexts sealed as 'form_submission.data'
    sealed_as    text        not null default 'record.data'
                             check (sealed_as in ('record.data', 'form_submission.data')),
    recorded_on  date        not null check (recorded_on between date '1900-01-01' and date '2100-12-31'),
    recorded_by  text,
    revision     integer     not null default 1 check (revision >= 1),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id, provider_id) references contract (tenant_id, id, provider_id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, referral_id) references referral (tenant_id, id),
    check (referral_id is null or person_id is not null)
);
create index record_by_contract on record (tenant_id, contract_id, type_code, recorded_on);
create index record_by_person on record (tenant_id, person_id, recorded_on) where person_id is not null;
create index record_by_referral on record (tenant_id, referral_id) where referral_id is not null;

-- The state of a record before each change (its data, status and links as they were), newest revision last.
create table record_revision (
    tenant_id     uuid        not null,
    record_id     uuid        not null,
    revision      integer     not null,
    status        text,
    status_on     date,
    data          jsonb       not null,
    sensitive_enc bytea,
    sealed_as     text        not null,
    links         jsonb       not null default '{}'::jsonb,
    changed_by    text,
    changed_at    timestamptz not null default now(),
    primary key (tenant_id, record_id, revision),
    foreign key (tenant_id, record_id) references record (tenant_id, id)
);
comment on table record_revision is 'carespec:not-audited: earlier states of a record, each change audited on record';

create table record_link (
    tenant_id uuid not null,
    record_id uuid not null,
    name      text not null check (name ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    target_id uuid not null,
    primary key (tenant_id, record_id, name),
    foreign key (tenant_id, record_id) references record (tenant_id, id),
    foreign key (tenant_id, target_id) references record (tenant_id, id)
);
create index record_link_by_target on record_link (tenant_id, target_id);

-- A contract's own entries in a module's code list (a commissioner's local agency), accepted beside the module's.
create table contract_code (
    tenant_id   uuid        not null,
    contract_id uuid        not null,
    list_code   text        not null,
    code        text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    label       text        not null check (length(label) between 1 and 200),
    code_group  text        check (length(code_group) between 1 and 200),
    added_by    text,
    added_at    timestamptz not null default now(),
    primary key (tenant_id, contract_id, list_code, code),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);

insert into record (tenant_id, id, contract_id, provider_id, type_code, type_version, person_id, referral_id, data,
                    sensitive_enc, sealed_as, recorded_on, recorded_by, created_at, updated_at)
select f.tenant_id, f.id, f.contract_id, c.provider_id, f.form_code, f.form_version, f.person_id, f.referral_id, f.data,
       f.sensitive_enc, 'form_submission.data', f.submitted_on, f.submitted_by, f.created_at, f.created_at
from form_submission f
join contract c on c.tenant_id = f.tenant_id and c.id = f.contract_id;

drop view reporting.form_submission;
drop table form_submission;

-- What KPI queries read of records: one row per record of the KPI's contract, with its type, subject, status,
-- links ({"application": "<id>"}) and data (sensitive fields are never here: they are encrypted).
create view reporting.record with (security_barrier) as
select r.id, r.type_code, r.type_version, r.person_id, r.referral_id, r.status, r.recorded_on, r.data,
       coalesce((select jsonb_object_agg(l.name, l.target_id) from public.record_link l
                 where l.tenant_id = r.tenant_id and l.record_id = r.id), '{}'::jsonb) as links
from public.record r
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

-- Links one per row, for joins (an award to its application).
create view reporting.record_link with (security_barrier) as
select l.record_id, l.name, l.target_id
from public.record_link l
join public.record r on r.tenant_id = l.tenant_id and r.id = l.record_id
where r.tenant_id = (select carespec_kpi_tenant()) and r.contract_id = (select carespec_kpi_contract());

grant select on reporting.record, reporting.record_link to ${reportingRole};
