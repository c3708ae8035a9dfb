-- Contract obligations: the schedule is worked out from each module's due rules and the contract's dates; what is
-- stored is what the provider did about each occurrence (done, when, a note).
create table obligation_record (
    tenant_id   uuid        not null references tenant (id),
    contract_id uuid        not null,
    code        text        not null check (length(code) <= 64),
    occurrence  text        not null check (length(occurrence) <= 32),
    done_on     date        not null,
    done_by     text        not null,
    note        text        check (length(note) <= 4000),
    recorded_at timestamptz not null default now(),
    primary key (tenant_id, contract_id, code, occurrence),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);
