-- Evidence a provider attaches to an obligation occurrence (an Equality Impact Assessment, an annual report, a
-- Mindful Employer certificate): up to 10 MiB, of a checked type, kept in PostgreSQL so it is backed up, isolated
-- and audited with everything else. The audit trigger leaves bytea columns out, so the file itself is never copied
-- into the audit trail; its name, type, size and SHA-256 are.
create table obligation_evidence (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    contract_id  uuid        not null,
    code         text        not null check (length(code) <= 64),
    occurrence   text        not null check (length(occurrence) <= 40),
    filename     text        not null check (length(filename) between 1 and 200),
    content_type text        not null check (length(content_type) <= 100),
    size_bytes   integer     not null check (size_bytes between 1 and 10485760),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contract_id) references contract (tenant_id, id),
    check (octet_length(content) = size_bytes)
);
create index obligation_evidence_by_occurrence on obligation_evidence (tenant_id, contract_id, code, occurrence);
-- Files are stored as they came: PDFs, images and office files are compressed already.
alter table obligation_evidence alter column content set storage external;

alter table obligation_record drop constraint obligation_record_occurrence_check;
alter table obligation_record add constraint obligation_record_occurrence_check check (length(occurrence) <= 40);
