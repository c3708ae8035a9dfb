-- A lockout ends at a time the application gives, from the same clock it compares it with when someone signs in:
-- V1 took now() from the database server, so a database whose clock differed from the application's locked an
-- account for longer or shorter than 15 minutes (or, with a test clock, for years).
drop function carespec_login_failed(uuid, integer, interval);

create function carespec_login_failed(p_user uuid, p_limit integer, p_locked_until timestamptz)
    returns boolean
    language plpgsql security definer set search_path = public
as $$
declare
    failures integer;
begin
    update user_account set failed_logins = failed_logins + 1 where id = p_user returning failed_logins into failures;
    if failures >= p_limit then
        update user_account set failed_logins = 0, locked_until = p_locked_until where id = p_user;
        return true;
    end if;
    return false;
end
$$;

revoke all on function carespec_login_failed(uuid, integer, timestamptz) from public;
grant execute on function carespec_login_failed(uuid, integer, timestamptz) to ${appRole};
