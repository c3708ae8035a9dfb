-- Returns once people act on them. While a return is a draft its figures are computed live; what the provider writes
-- for it (narratives, adjustments with their justification) is kept here until submission. Submitting freezes the
-- figures, narratives and adjustments as a version: an immutable JSON snapshot with its SHA-256 hash. The
-- commissioner approves a version or sends it back with a comment; a returned return is resubmitted as the next
-- version, and every version is kept.

create table return_narrative (
    tenant_id   uuid        not null references tenant (id),
    contract_id uuid        not null,
    period      text        not null check (period ~ '^[0-9]{4}-[0-9]{2}(-Q[1-4])?$'),
    code        text        not null check (length(code) <= 32),
    text        text        not null check (length(text) <= 20000),
    written_by  text,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, contract_id, period, code),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);

create table return_adjustment (
    tenant_id     uuid        not null references tenant (id),
    contract_id   uuid        not null,
    period        text        not null check (period ~ '^[0-9]{4}-[0-9]{2}(-Q[1-4])?$'),
    code          text        not null check (length(code) <= 32),
    value         numeric     not null,
    justification text        not null check (length(justification) between 1 and 4000),
    made_by       text,
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, contract_id, period, code),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);

create table return_version (
    tenant_id     uuid        not null references tenant (id),
    id            uuid        not null,
    contract_id   uuid        not null,
    period        text        not null check (period ~ '^[0-9]{4}-[0-9]{2}(-Q[1-4])?$'),
    version       integer     not null check (version >= 1),
    status        text        not null check (status in ('SUBMITTED', 'APPROVED', 'RETURNED')),
    submitted_at  timestamptz not null,
    submitted_by  text        not null,
    snapshot      jsonb       not null,
    snapshot_hash text        not null check (snapshot_hash ~ '^[0-9a-f]{64}$'),
    decided_at    timestamptz,
    decided_by    text,
    comment       text        check (length(comment) <= 4000),
    primary key (tenant_id, id),
    unique (tenant_id, contract_id, period, version),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);
create index return_version_by_period on return_version (tenant_id, period, contract_id);

-- A snapshot never changes once written; only the commissioner's decision is added to its row.
create function carespec_return_version_frozen() returns trigger
    language plpgsql
as $$
begin
    if new.snapshot is distinct from old.snapshot or new.snapshot_hash is distinct from old.snapshot_hash
        or new.version is distinct from old.version or new.period is distinct from old.period
        or new.contract_id is distinct from old.contract_id or new.submitted_at is distinct from old.submitted_at
        or new.submitted_by is distinct from old.submitted_by then
        raise exception 'a submitted return is frozen: only its decision may be recorded';
    end if;
    if old.status <> 'SUBMITTED' then
        raise exception 'a decided return stays decided: its next version is submitted instead';
    end if;
    return new;
end
$$;
create trigger return_version_frozen before update on return_version
    for each row execute function carespec_return_version_frozen();
create function carespec_return_version_kept() returns trigger
    language plpgsql
as $$
begin
    raise exception 'every version of a return is kept';
end
$$;
create trigger return_version_kept before delete on return_version
    for each row execute function carespec_return_version_kept();
