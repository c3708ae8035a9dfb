-- Carespec platform schema 1: tenants, organisations, people who log in, contracts, audit.
--
-- Tenancy rules (docs/architecture.md):
--   * every tenant-owned table has tenant_id as the first column of its primary key, of every unique
--     constraint and of every foreign key (the Citus-ready shape);
--   * at start-up the platform enables and forces row-level security on every table with a tenant_id
--     column, adds the tenant_isolation policy, attaches the audit trigger and grants the application role
--     (org.carespec.platform.database.TenantTableProtector) - plugins' tables included;
--   * the few global tables below say why they are global and carry their own policies.
-- Migrations run as the owner; the application role (${appRole}) owns nothing and cannot bypass RLS.

-- Session settings the application sets on every connection it takes from the pool:
--   app.tenant_id, app.actor, app.org_id, app.request_id, app.operator.
create function carespec_current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

create function carespec_is_operator() returns boolean
    language sql stable
as $$ select coalesce(current_setting('app.operator', true), '') = 'true' $$;

-- ---------------------------------------------------------------- global: tenants
create table tenant (
    id         uuid        primary key,
    slug       text        not null unique check (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    name       text        not null check (length(name) between 1 and 200),
    nation     text        not null check (nation in ('ENGLAND_AND_WALES', 'SCOTLAND', 'NORTHERN_IRELAND')),
    settings   jsonb       not null default '{}'::jsonb,
    created_at timestamptz not null default now()
);
comment on table tenant is 'global: the root of tenancy. A tenant sees its own row; an operator sees all.';
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_self_or_operator on tenant
    using (id = carespec_current_tenant() or carespec_is_operator())
    with check (id = carespec_current_tenant() or carespec_is_operator());

-- ---------------------------------------------------------------- global: people who log in
create table user_account (
    id            uuid        primary key,
    email         text        not null check (email = lower(email) and length(email) between 3 and 254),
    display_name  text        not null check (length(display_name) between 1 and 200),
    password_hash text        not null,
    operator      boolean     not null default false,
    failed_logins integer     not null default 0,
    locked_until  timestamptz,
    created_at    timestamptz not null default now(),
    unique (email)
);
comment on table user_account is 'global: one login may hold memberships in several tenants. Visible to itself and to'
    ' the tenants it belongs to; login reads it through the security-definer functions below.';

create table organisation (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    name           text        not null check (length(name) between 1 and 200),
    kind           text        not null check (kind in ('COMMISSIONER', 'PROVIDER')),
    ods_code       text        check (ods_code ~ '^[A-Z0-9]{3,10}$'),
    charity_number text        check (charity_number ~ '^[0-9A-Z-]{5,12}$'),
    created_at     timestamptz not null default now(),
    primary key (tenant_id, id)
);

create table membership (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    user_id         uuid        not null references user_account (id),
    organisation_id uuid        not null,
    roles           text[]      not null check (cardinality(roles) between 1 and 6
        and roles <@ array ['TENANT_ADMIN', 'COMMISSIONER', 'PROVIDER_MANAGER', 'PRACTITIONER', 'VOLUNTEER']),
    created_at      timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, user_id),
    foreign key (tenant_id, organisation_id) references organisation (tenant_id, id)
);
create index membership_by_organisation on membership (tenant_id, organisation_id);
create index membership_by_user on membership (user_id);

alter table user_account enable row level security;
-- not forced: the owner's security-definer login functions must read it without a tenant.
create policy user_account_visible on user_account for select
    using (carespec_is_operator()
        or id::text = current_setting('app.actor', true)
        or exists (select 1 from membership m where m.user_id = user_account.id));
create policy user_account_insert on user_account for insert with check (true);
create policy user_account_update on user_account for update
    using (carespec_is_operator()
        or id::text = current_setting('app.actor', true)
        or exists (select 1 from membership m where m.user_id = user_account.id));

-- Login happens before any tenant is chosen, so these few narrow functions run as the owner. Row-level security
-- is forced on membership and tenant, for the owner too; these policies let the owner (and so only these
-- functions, since the application never connects as the owner) read them across tenants.
create policy owner_reads_for_login on membership for select to current_user using (true);
create policy owner_reads_for_login on tenant for select to current_user using (true);

create function carespec_login_account(p_email text)
    returns table (id uuid, email text, password_hash text, operator boolean, locked_until timestamptz)
    language sql stable security definer set search_path = public
as $$ select id, email, password_hash, operator, locked_until from user_account where email = lower(p_email) $$;

create function carespec_login_account_by_id(p_id uuid)
    returns table (id uuid, email text, password_hash text, operator boolean, locked_until timestamptz)
    language sql stable security definer set search_path = public
as $$ select id, email, password_hash, operator, locked_until from user_account where id = p_id $$;

create function carespec_login_memberships(p_user uuid)
    returns table (tenant_id uuid, tenant_slug text, organisation_id uuid, roles text[])
    language sql stable security definer set search_path = public
as $$
    select m.tenant_id, t.slug, m.organisation_id, m.roles
    from membership m join tenant t on t.id = m.tenant_id
    where m.user_id = p_user
    order by t.slug
$$;

-- Records a failed login; locks the account for p_lock when this is the p_limit-th failure in a row.
-- Returns true when this failure locked the account.
create function carespec_login_failed(p_user uuid, p_limit integer, p_lock interval)
    returns boolean
    language plpgsql security definer set search_path = public
as $$
declare
    failures integer;
begin
    update user_account set failed_logins = failed_logins + 1 where id = p_user returning failed_logins into failures;
    if failures >= p_limit then
        update user_account set failed_logins = 0, locked_until = now() + p_lock where id = p_user;
        return true;
    end if;
    return false;
end
$$;

create function carespec_login_succeeded(p_user uuid)
    returns void
    language sql security definer set search_path = public
as $$ update user_account set failed_logins = 0, locked_until = null where id = p_user $$;

-- The id of the account with this e-mail, if any: lets an administrator add an existing login to a tenant
-- without seeing anything else of it.
create function carespec_account_id_by_email(p_email text)
    returns uuid
    language sql stable security definer set search_path = public
as $$ select id from user_account where email = lower(p_email) $$;

revoke all on function carespec_login_account(text), carespec_login_account_by_id(uuid), carespec_login_memberships(uuid),
    carespec_login_failed(uuid, integer, interval), carespec_login_succeeded(uuid),
    carespec_account_id_by_email(text) from public;
grant execute on function carespec_login_account(text), carespec_login_account_by_id(uuid), carespec_login_memberships(uuid),
    carespec_login_failed(uuid, integer, interval), carespec_login_succeeded(uuid),
    carespec_account_id_by_email(text) to ${appRole};

-- ---------------------------------------------------------------- global: refresh tokens
create table refresh_token (
    id         uuid        primary key,
    token_hash text        not null unique,
    user_id    uuid        not null references user_account (id),
    tenant_id  uuid        references tenant (id),
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
);
comment on table refresh_token is 'global: looked up by the hash of a presented refresh token, before any tenant is'
    ' known. Holds no token, only its SHA-256.';
create index refresh_token_by_user on refresh_token (user_id);

-- ---------------------------------------------------------------- contracts
create table contract (
    tenant_id          uuid        not null references tenant (id),
    id                 uuid        not null,
    module_id          text        not null,
    reference          text        not null check (length(reference) between 1 and 60),
    title              text        not null check (length(title) between 1 and 300),
    commissioner_id    uuid        not null,
    provider_id        uuid        not null,
    start_date         date        not null,
    end_date           date        not null,
    review_date        date,
    annual_value_pence bigint      not null check (annual_value_pence >= 0),
    basis              text        not null check (basis in ('BLOCK', 'COST_AND_VOLUME', 'LOCAL_TARIFF', 'NON_TARIFF')),
    outcome_domains    integer[]   not null default '{}' check (outcome_domains <@ array [1, 2, 3, 4, 5]),
    settings           jsonb       not null default '{}'::jsonb,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, commissioner_id) references organisation (tenant_id, id),
    foreign key (tenant_id, provider_id) references organisation (tenant_id, id),
    check (end_date >= start_date)
);
create index contract_by_provider on contract (tenant_id, provider_id);
create index contract_by_commissioner on contract (tenant_id, commissioner_id);

-- ---------------------------------------------------------------- audit
-- Every write to a tenant-owned table leaves a row here in the same transaction (trigger below); reads of a
-- person's record are written by the application. The application may only insert and read.
create table audit_event (
    tenant_id    uuid        not null,
    id           bigint      generated always as identity,
    occurred_at  timestamptz not null default clock_timestamp(),
    actor        text,
    actor_org_id uuid,
    action       text        not null,
    entity       text        not null,
    entity_id    text,
    before       jsonb,
    after        jsonb,
    request_id   text,
    primary key (tenant_id, id)
);

-- Events not yet chained. The sealer takes them in id order and chains them per tenant.
create table audit_unsealed (
    tenant_id uuid   not null,
    event_id  bigint not null,
    primary key (tenant_id, event_id)
);

-- The tamper-evident chain: seq counts 1, 2, 3… per tenant without gaps; chain_hash is an HMAC (key held by the
-- application, never by the database) over the previous chain_hash, seq, the event id and the event's digest.
create table audit_seal (
    tenant_id    uuid        not null,
    seq          bigint      not null,
    event_id     bigint      not null,
    event_digest text        not null,
    chain_hash   text        not null,
    sealed_at    timestamptz not null default now(),
    primary key (tenant_id, seq),
    unique (tenant_id, event_id)
);

create function carespec_audit_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function carespec_audit_append_only();
create trigger audit_seal_append_only before update or delete or truncate on audit_seal
    for each statement execute function carespec_audit_append_only();

create function carespec_audit_queue() returns trigger
    language plpgsql
as $$
begin
    insert into public.audit_unsealed (tenant_id, event_id) values (new.tenant_id, new.id);
    return null;
end
$$;
create trigger audit_event_queue after insert on audit_event
    for each row execute function carespec_audit_queue();

-- The generic row audit: tg_argv[0] names the column holding the tenant ('' when the table has none and the
-- session's tenant applies); the other arguments name columns left out of before/after (secrets, file bytes).
create function carespec_audit_row() returns trigger
    language plpgsql
as $$
declare
    old_row  jsonb;
    new_row  jsonb;
    tenant   uuid;
    i        integer;
begin
    if tg_op <> 'INSERT' then
        old_row := to_jsonb(old);
    end if;
    if tg_op <> 'DELETE' then
        new_row := to_jsonb(new);
    end if;
    tenant := coalesce(nullif(coalesce(new_row ->> tg_argv[0], old_row ->> tg_argv[0]), ''),
                       nullif(current_setting('app.tenant_id', true), ''))::uuid;
    if tenant is null then
        return null; -- nothing tenant-owned changed (e.g. a login counter)
    end if;
    for i in 1 .. tg_nargs - 1 loop
        old_row := old_row - tg_argv[i];
        new_row := new_row - tg_argv[i];
    end loop;
    if tg_op = 'UPDATE' and old_row is not distinct from new_row then
        return null;
    end if;
    insert into public.audit_event (tenant_id, actor, actor_org_id, action, entity, entity_id, before, after, request_id)
    values (tenant,
            nullif(current_setting('app.actor', true), ''),
            nullif(current_setting('app.org_id', true), '')::uuid,
            lower(tg_op),
            case when tg_table_schema = 'public' then tg_table_name else tg_table_schema || '.' || tg_table_name end,
            coalesce(new_row ->> 'id', old_row ->> 'id'),
            old_row,
            new_row,
            nullif(current_setting('app.request_id', true), ''));
    return null;
end
$$;

create trigger tenant_audit after insert or update or delete on tenant
    for each row execute function carespec_audit_row('id');
create trigger user_account_audit after insert or update or delete on user_account
    for each row execute function carespec_audit_row('', 'password_hash', 'failed_logins', 'locked_until');

grant select, insert, update on tenant to ${appRole};
grant select, insert, update on user_account to ${appRole};
grant select, insert, update on refresh_token to ${appRole};
