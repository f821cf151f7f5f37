-- 政务云 (zwy) local database bootstrap.  Idempotent: safe to run on every start.
-- Run as the PostgreSQL superuser against database "postgres", e.g.
--   runuser -u postgres -- psql -X -v ON_ERROR_STOP=1 -d postgres -f - < scripts/db-init.sql
-- All passwords below are LOCAL DEMO credentials.
--
--   zwy_owner  owns the service databases and runs the Flyway migrations
--   zwy_app    what the services connect as: not owner, NOSUPERUSER, NOBYPASSRLS,
--              so PostgreSQL row-level security applies to it
--   keycloak   owns database keycloak
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- ------------------------------------------------------------------ roles
SELECT 'CREATE ROLE zwy_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zwy_owner') \gexec
SELECT 'CREATE ROLE zwy_app'   WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zwy_app') \gexec
SELECT 'CREATE ROLE keycloak'  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'keycloak') \gexec

SET password_encryption = 'scram-sha-256';
ALTER ROLE zwy_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'zwy_owner_demo';
ALTER ROLE zwy_app   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'zwy_app_demo';
ALTER ROLE keycloak  LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'keycloak_demo';

-- zwy_app must never be able to act as the owner (which would bypass RLS via ownership)
SELECT format('REVOKE %I FROM zwy_app', r.rolname)
  FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
 WHERE u.rolname = 'zwy_app' AND r.rolname IN ('zwy_owner', 'keycloak') \gexec

-- ------------------------------------------------------------------ databases
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0',
              d.name, d.owner, 'UTF8', 'C.UTF-8', 'C.UTF-8')
  FROM (VALUES ('zwy_tenant', 'zwy_owner'), ('zwy_case', 'zwy_owner'), ('zwy_search', 'zwy_owner'),
               ('keycloak', 'keycloak')) AS d(name, owner)
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d.name) \gexec

ALTER DATABASE zwy_tenant OWNER TO zwy_owner;
ALTER DATABASE zwy_case   OWNER TO zwy_owner;
ALTER DATABASE zwy_search OWNER TO zwy_owner;
ALTER DATABASE keycloak   OWNER TO keycloak;

-- only the intended roles may connect
REVOKE CONNECT, TEMPORARY ON DATABASE zwy_tenant, zwy_case, zwy_search, keycloak FROM PUBLIC;
GRANT CONNECT ON DATABASE zwy_tenant, zwy_case, zwy_search TO zwy_app;
GRANT CONNECT, TEMPORARY ON DATABASE zwy_tenant, zwy_case, zwy_search TO zwy_owner;
GRANT CONNECT, TEMPORARY ON DATABASE keycloak TO keycloak;

-- ------------------------------------------------------------------ per-database grants
\connect zwy_tenant
SET client_min_messages = warning;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO zwy_owner;
GRANT USAGE ON SCHEMA public TO zwy_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwy_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zwy_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwy_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO zwy_app;

\connect zwy_case
SET client_min_messages = warning;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO zwy_owner;
GRANT USAGE ON SCHEMA public TO zwy_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwy_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zwy_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwy_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO zwy_app;

\connect zwy_search
SET client_min_messages = warning;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO zwy_owner;
GRANT USAGE ON SCHEMA public TO zwy_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwy_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zwy_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwy_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO zwy_app;

\connect keycloak
SET client_min_messages = warning;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO keycloak;
