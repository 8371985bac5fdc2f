-- API keys: row-level security like every tenant table, and the one read across
-- organizations. A request with a key must learn the key's organization before any
-- organization context exists, so the application role gets exactly one door: a function
-- that returns the row whose hash matches, running as its owner (the migrating role).
SELECT waymark_secure_tenant_tables();
--> statement-breakpoint
-- The owner reads through FORCE ROW LEVEL SECURITY only inside the function below (a
-- superuser owner bypasses it anyway). Read-only, and for the owner role alone.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY api_keys_owner_lookup ON public.api_keys AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION waymark_api_key_lookup(key_hash text)
RETURNS TABLE (organization_id uuid, id uuid, scopes text[], expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public
AS $$
  SELECT k.organization_id, k.id, k.scopes, k.expires_at, k.revoked_at, k.last_used_at
  FROM public.api_keys k
  WHERE k.hash = key_hash
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION waymark_api_key_lookup(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION waymark_api_key_lookup(text) TO waymark_app;
