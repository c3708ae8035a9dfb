-- Web UI sign-in (issue 16): a browser holds an opaque session key in an HttpOnly cookie; the server holds only its
-- SHA-256, who it is for, and when it was last used, so a session ends on sign-out (revoked), after an idle spell
-- (last_seen_at) or at its absolute end (expires_at), and an administrator can end them all. The JSON API never reads
-- this cookie: it stays bearer-only.
create table web_session (
    id           uuid        primary key,
    token_hash   text        not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    user_id      uuid        not null references user_account (id),
    tenant_id    uuid        references tenant (id),
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    check (last_seen_at >= created_at and expires_at > created_at)
);
comment on table web_session is 'global: looked up by the hash of a presented session cookie, before any tenant is'
    ' known. Holds no key, only its SHA-256.';
create index web_session_by_user on web_session (user_id);

grant select, insert, update on web_session to ${appRole};
