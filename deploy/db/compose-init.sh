#!/bin/sh
# Run by the postgres image on first start (as POSTGRES_USER, who owns the database): creates the application and
# reporting roles.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role carespec_app login nosuperuser nocreatedb nocreaterole noinherit nobypassrls
    password '${CARESPEC_APP_DB_PASSWORD}';
create role carespec_app_reporting login nosuperuser nocreatedb nocreaterole noinherit nobypassrls
    password '${CARESPEC_REPORTING_DB_PASSWORD}';
grant connect on database ${POSTGRES_DB} to carespec_app, carespec_app_reporting;
revoke create on schema public from public;
SQL
