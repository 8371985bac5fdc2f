-- Tenant security, applied by the table owner (the migrating role).
-- 1. The role the application runs as: owns nothing, is not superuser, cannot bypass RLS.
--    It is cluster-wide, so several databases (tests) may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waymark_app') THEN
    CREATE ROLE waymark_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- 2. One function that (re)applies the tenant rules to every table with an organization_id.
--    Every later migration that adds a tenant table ends with `SELECT waymark_secure_tenant_tables();`
--    and the catalog test fails if one forgets.
CREATE OR REPLACE FUNCTION waymark_secure_tenant_tables() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON public.%I', t.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON public.%I AS PERMISSIVE FOR ALL TO PUBLIC '
      'USING (organization_id = nullif(current_setting(''app.org_id'', true), '''')::uuid) '
      'WITH CHECK (organization_id = nullif(current_setting(''app.org_id'', true), '''')::uuid)',
      t.relname);
  END LOOP;
  GRANT USAGE ON SCHEMA public TO waymark_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO waymark_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO waymark_app;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION waymark_secure_tenant_tables() FROM PUBLIC;
--> statement-breakpoint
SELECT waymark_secure_tenant_tables();
--> statement-breakpoint
-- 3. A signed-in user may read their own memberships in every organization (the org
--    switcher), with app.user_id set by the same transaction helper. Read-only: writes
--    still need the organization context.
CREATE POLICY memberships_own_rows ON public.memberships AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
