-- KPI queries now run on their own login, ${reportingRole}, from a pool of their own (KpiRunner,
-- ReportingConnections), instead of SET LOCAL ROLE on the application's session: a session can always return to
-- its login role, so only a separate login keeps a query inside the reporting views.
--
-- A reporting session cannot be trusted to say which tenant and contract it may read (it can set any setting), and
-- it cannot see rows the application has not committed, so kpi_scope goes. The application signs the scope
-- instead: carespec.kpi_scope = 'tenant|contract|expires|mac', the mac being
-- sha256(key || sha256(key || 'tenant|contract|expires')) over a key only the owner can read (kpi_scope_key; the
-- platform reads it once at start-up as the owner). The two functions the reporting views already call verify it
-- and answer nothing for a missing, altered, forged or expired scope, so a view shows no row at all.

do $$
begin
    if exists (select from pg_auth_members m
               join pg_roles r on r.oid = m.roleid join pg_roles a on a.oid = m.member
               where r.rolname = '${reportingRoleName}' and a.rolname = '${appRoleName}') then
        revoke ${reportingRole} from ${appRole};
    end if;
end
$$;

create table kpi_scope_key (
    id  integer primary key check (id = 1),
    key text    not null check (length(key) >= 64)
);
comment on table kpi_scope_key is 'global: the key that signs a KPI query''s scope; read by the owner only, no grant';
-- gen_random_uuid draws on pg_strong_random: two of them give 244 random bits.
insert into kpi_scope_key (id, key)
values (1, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));

-- The verified scope of this transaction, or no row.
create function carespec_kpi_scope() returns table (tenant_id uuid, contract_id uuid)
    language plpgsql stable security definer set search_path = pg_catalog, public
as $$
declare
    scope text := current_setting('carespec.kpi_scope', true);
    parts text[];
    secret text;
begin
    if scope is null or scope !~ '^[0-9a-f-]{36}\|[0-9a-f-]{36}\|[0-9]{1,12}\|[0-9a-f]{64}$' then
        return;
    end if;
    parts := string_to_array(scope, '|');
    if parts[3]::bigint < extract(epoch from clock_timestamp()) then
        return;
    end if;
    select k.key into secret from public.kpi_scope_key k where k.id = 1;
    if encode(sha256(convert_to(secret || encode(sha256(convert_to(secret || parts[1] || '|' || parts[2] || '|'
              || parts[3], 'UTF8')), 'hex'), 'UTF8')), 'hex') <> parts[4] then
        return;
    end if;
    return query select parts[1]::uuid, parts[2]::uuid;
end
$$;
revoke execute on function carespec_kpi_scope() from public;

create or replace function carespec_kpi_tenant() returns uuid
    language sql stable security definer set search_path = pg_catalog, public
as $$ select s.tenant_id from public.carespec_kpi_scope() s $$;
create or replace function carespec_kpi_contract() returns uuid
    language sql stable security definer set search_path = pg_catalog, public
as $$ select s.contract_id from public.carespec_kpi_scope() s $$;

drop table kpi_scope;
