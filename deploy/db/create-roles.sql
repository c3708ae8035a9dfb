-- For a database administrator preparing PostgreSQL (13 or later) for Carespec, run once as a superuser:
--   psql -v owner_password="'…'" -v app_password="'…'" -v reporting_password="'…'" -f deploy/db/create-roles.sql
-- Then start Carespec with DATABASE_USER=carespec_owner, DATABASE_APP_USER=carespec_app and the three passwords
-- (DATABASE_PASSWORD, DATABASE_APP_PASSWORD, DATABASE_REPORTING_PASSWORD).
--
-- carespec_owner owns the schema and runs migrations at start-up. It needs CREATEROLE only if you let Carespec
--   create its own application role (leave DATABASE_APP_USER unset); with this script it does not.
-- carespec_app is what the running application uses: it owns nothing, is no superuser and cannot bypass
--   row-level security, so every query it makes is held to one tenant.
-- carespec_app_reporting (always <application role>_reporting) reads the reporting views and nothing else: the
--   platform logs in as it, from a pool of its own, only to run modules' KPI queries. It is a member of no role,
--   so a query cannot SET ROLE its way out.
create role carespec_owner login password :owner_password;
create role carespec_app login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password :app_password;
create role carespec_app_reporting login nosuperuser nocreatedb nocreaterole noinherit nobypassrls
    password :reporting_password;
create database carespec owner carespec_owner encoding 'UTF8';
\connect carespec
alter schema public owner to carespec_owner;
revoke create on schema public from public;
grant connect on database carespec to carespec_app, carespec_app_reporting;
