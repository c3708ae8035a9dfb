-- Every page request checks its browser session: that it is open, and that its account is not locked and still
-- belongs to the session's tenant. That took three statements, two of them SQL functions that PostgreSQL plans
-- afresh on every call; this is one PL/pgSQL function (its plan kept for the connection) answering all three.
-- Like the login functions of V1 it runs as the owner, because accounts and memberships are not the application's
-- to read before a tenant is known, and returns only what the session check needs.
create function carespec_web_session_holder(p_token_hash text)
    returns table (session_id uuid, user_id uuid, tenant_id uuid, last_seen_at timestamptz, expires_at timestamptz,
                   email text, operator boolean, locked_until timestamptz, tenant_slug text, organisation_id uuid,
                   roles text[])
    language plpgsql stable security definer set search_path = public
as $$
begin
    return query
        select s.id, s.user_id, s.tenant_id, s.last_seen_at, s.expires_at, a.email, a.operator, a.locked_until,
               t.slug, m.organisation_id, m.roles
        from web_session s
        join user_account a on a.id = s.user_id
        left join membership m on m.user_id = s.user_id and m.tenant_id = s.tenant_id
        left join tenant t on t.id = m.tenant_id
        where s.token_hash = p_token_hash and s.revoked_at is null;
end
$$;

revoke all on function carespec_web_session_holder(text) from public;
grant execute on function carespec_web_session_holder(text) to ${appRole};
