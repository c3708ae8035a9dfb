-- What the deadline watch (DeadlineWatch, a scheduled job) has done: the returns it opened when their period
-- ended, and the alerts it raised for returns and obligations that fell overdue. An alert is resolved, not
-- deleted, when the return is submitted or the obligation recorded as done.
create table return_opening (
    tenant_id   uuid        not null references tenant (id),
    contract_id uuid        not null,
    period      text        not null check (period ~ '^[0-9]{4}-[0-9]{2}(-Q[1-4])?$'),
    due_on      date        not null,
    opened_at   timestamptz not null default now(),
    primary key (tenant_id, contract_id, period),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);
comment on table return_opening is 'the returns the deadline watch opened when their period ended';

create table deadline_alert (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    contract_id uuid        not null,
    kind        text        not null check (kind in ('RETURN_OPEN', 'RETURN_OVERDUE', 'OBLIGATION_OVERDUE')),
    subject     text        not null check (length(subject) <= 110),
    title       text        not null check (length(title) <= 300),
    due_on      date        not null,
    raised_at   timestamptz not null default now(),
    resolved_at timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, contract_id, kind, subject),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id)
);
create index deadline_alert_open on deadline_alert (tenant_id, contract_id) where resolved_at is null;
