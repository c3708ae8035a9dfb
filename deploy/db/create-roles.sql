-- For a database administrator preparing PostgreSQL (13 or later) for Carespec, run once as a superuser:
--   psql -v owner_password="'…'" -v app_password="'…'" -f deploy/db/create-roles.sql
-- Then start Carespec with DATABASE_USER=carespec_owner and DATABASE_APP_USER=carespec_app.
--
-- carespec_owner owns the schema and runs migrations at start-up. It needs CREATEROLE only if you let Carespec
--   create its own application role (leave DATABASE_APP_USER unset); with this script it does not.
-- carespec_app is what the running application uses: it owns nothing, is no superuser and cannot bypass
--   row-level security, so every query it makes is held to one tenant.
-- carespec_app_reporting (always <application role>_reporting) reads the reporting views and nothing else; the
--   application becomes it only to compute a return's figures.
create role carespec_owner login password :owner_password;
create role carespec_app login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password :app_password;
-- What modules' KPI queries run as, for one read-only transaction at a time: it can read the reporting views only.
create role carespec_app_reporting nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
grant carespec_app_reporting to carespec_app;
create database carespec owner carespec_owner encoding 'UTF8';
\connect carespec
alter schema public owner to carespec_owner;
revoke create on schema public from public;
grant connect on database carespec to carespec_app;
