-- Issue 17, finding 2: adding an e-mail address that already had an account (in any tenant) linked that person to
-- the tenant at once, let the tenant rename them everywhere, and answered differently for known and unknown
-- addresses. Now a membership is an invitation until the person signs in to that tenant (accepted_at), and the name
-- a tenant knows a person by is the tenant's own (membership.display_name): renaming stays inside the tenant.
alter table membership add column display_name text;
alter table membership add column accepted_at timestamptz;
update membership m set display_name = u.display_name, accepted_at = m.created_at
from user_account u where u.id = m.user_id;
alter table membership alter column display_name set not null;

-- Sign-in reads every membership, invitations included (a person accepts one by signing in to its tenant).
drop function carespec_login_memberships(uuid);
create function carespec_login_memberships(p_user uuid)
    returns table (tenant_id uuid, tenant_slug text, organisation_id uuid, roles text[], accepted boolean)
    language sql stable security definer set search_path = public
as $$
    select m.tenant_id, t.slug, m.organisation_id, m.roles, m.accepted_at is not null
    from membership m join tenant t on t.id = m.tenant_id
    where m.user_id = p_user
    order by t.slug
$$;
revoke all on function carespec_login_memberships(uuid) from public;
grant execute on function carespec_login_memberships(uuid) to ${appRole};

-- Signing in to a tenant accepts its invitation. It runs before the application has set up a tenant, so it sets the
-- tenant and actor for this transaction itself: row-level security lets it touch that tenant's row only, and the
-- acceptance is audited as the person's own act.
create function carespec_accept_membership(p_user uuid, p_tenant uuid)
    returns void
    language plpgsql security definer set search_path = public
as $$
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    perform set_config('app.actor', p_user::text, true);
    update membership set accepted_at = now() where user_id = p_user and tenant_id = p_tenant and accepted_at is null;
end
$$;
revoke all on function carespec_accept_membership(uuid, uuid) from public;
grant execute on function carespec_accept_membership(uuid, uuid) to ${appRole};
