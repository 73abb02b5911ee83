-- 综治 Zongzhi: the application's database role, with the audit ledger write-protected.
--
-- Run as the role that owns the schema (the one that applies migrations), connected to the
-- application database, after the migrations:
--   psql "postgres://owner@host/zongzhi" -v ON_ERROR_STOP=1 -f docs/operations/audit-db-role.sql
--   psql "postgres://owner@host/zongzhi" -c "\password zongzhi_app"
-- then run the server with DATABASE_URL=postgres://zongzhi_app:<password>@host/zongzhi.
-- Safe to run again (after each new migration, for instance).
--
-- zongzhi_app may read and write the business tables, but on audit_log only:
--   SELECT, INSERT, and UPDATE of exactly the chain columns (chain_seq, prev_hash, hash);
--   no DELETE, no TRUNCATE, no UPDATE of any content column.
-- The trigger of migration 0004 additionally refuses, for every role, changing chain columns
-- once set and deleting records. Neither the application nor anyone holding its password can
-- rewrite history; a superuser who disables the trigger is caught by `zongzhi audit verify`.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zongzhi_app') THEN
    CREATE ROLE zongzhi_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
  END IF;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO zongzhi_app', current_database());
END
$$;

-- No CREATE on the schema: the application changes data, never the schema.
GRANT USAGE ON SCHEMA public TO zongzhi_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO zongzhi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO zongzhi_app;
-- Tables created by later migrations (run as this same owner role) get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zongzhi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO zongzhi_app;

-- The migration ledger is read at start-up, never written by the application.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM zongzhi_app;

-- The audit ledger: append and read; the chainer may fill in the chain columns only.
REVOKE ALL ON audit_log FROM zongzhi_app;
GRANT SELECT, INSERT ON audit_log TO zongzhi_app;
GRANT UPDATE (chain_seq, prev_hash, hash) ON audit_log TO zongzhi_app;
