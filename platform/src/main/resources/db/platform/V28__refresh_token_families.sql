-- Issue 17, finding 7: refresh tokens rotate. Each refresh retires the token presented (replaced_at) and issues a new
-- one in the same family (one sign-in's chain); a retired token presented again means a copy is in someone else's
-- hands, and the whole family is revoked. A token issued at sign-in starts its own family (family_id = id).
alter table refresh_token add column family_id uuid;
alter table refresh_token add column replaced_at timestamptz;
update refresh_token set family_id = id;
alter table refresh_token alter column family_id set not null;
create index refresh_token_by_family on refresh_token (family_id);
