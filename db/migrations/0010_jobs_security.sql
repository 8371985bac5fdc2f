-- Jobs and alerts: row-level security like every tenant table, plus two doors for the
-- application role, each a function running as its owner (the migrating role), like
-- waymark_api_key_lookup in 0008.
SELECT waymark_secure_tenant_tables();
--> statement-breakpoint
-- The owner reads and updates jobs through FORCE ROW LEVEL SECURITY only inside the claim
-- function below (a superuser owner bypasses it anyway).
DO $$
BEGIN
  EXECUTE format('CREATE POLICY jobs_owner_claim ON public.jobs AS PERMISSIVE FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY memberships_owner_access ON public.memberships AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;
--> statement-breakpoint
-- 1. The job runner claims due jobs of every organization before it knows whose they are: up
--    to p_max_jobs jobs that are queued and due, or running past their lease (their runner
--    died), locked with SKIP LOCKED so two runners never take the same job, leased to
--    p_runner until p_at + p_lease_ms. p_at is the runner's clock, so tests can move time.
--    A job whose runner died on its last allowed attempt is failed instead of run again.
CREATE OR REPLACE FUNCTION waymark_claim_jobs(p_runner text, p_lease_ms integer, p_max_jobs integer, p_at timestamptz)
RETURNS SETOF public.jobs
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = public
AS $$
  WITH exhausted AS (
    SELECT j.organization_id, j.id FROM public.jobs j
    WHERE j.status = 'running' AND j.locked_until < p_at AND j.attempts >= j.max_attempts
    FOR UPDATE SKIP LOCKED
  )
  UPDATE public.jobs j
  SET status = 'failed', locked_by = NULL, locked_until = NULL, finished_at = p_at, updated_at = p_at,
      last_error = 'The runner stopped before finishing (its lease expired) on the last allowed attempt.'
  FROM exhausted e
  WHERE j.organization_id = e.organization_id AND j.id = e.id;

  WITH due AS (
    SELECT j.organization_id, j.id FROM public.jobs j
    WHERE j.status IN ('queued', 'running') AND j.run_at <= p_at
      AND (j.status = 'queued' OR (j.locked_until < p_at AND j.attempts < j.max_attempts))
    ORDER BY j.run_at, j.id
    LIMIT p_max_jobs
    FOR UPDATE SKIP LOCKED
  )
  UPDATE public.jobs j
  SET status = 'running', locked_by = p_runner, locked_until = p_at + p_lease_ms * interval '1 millisecond',
      attempts = j.attempts + 1, started_at = p_at, updated_at = p_at,
      last_error = CASE WHEN j.status = 'running' THEN 'The runner stopped before finishing (its lease expired).' ELSE j.last_error END
  FROM due
  WHERE j.organization_id = due.organization_id AND j.id = due.id
  RETURNING j.*
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION waymark_claim_jobs(text, integer, integer, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION waymark_claim_jobs(text, integer, integer, timestamptz) TO waymark_app;
--> statement-breakpoint
-- 2. Who is asking, in one statement per request: the session's user (with its session
--    version and whether this session was signed out) and, when an organization slug is
--    given, that organization and the user's membership in it. The application still decides
--    (server/services/request-access.ts); this only reads. The membership is the one row of
--    another tenant context it returns, and only the caller's own.
CREATE OR REPLACE FUNCTION waymark_request_access(p_user_id uuid, p_session_id uuid, p_org_slug text)
RETURNS TABLE (
  user_id uuid, user_name text, user_email text, session_version integer, session_revoked boolean,
  org_id uuid, org_slug text, org_name text, org_time_zone text, role text, sessions_valid_from timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public
AS $$
  SELECT u.id, u.name, u.email, u.session_version,
         EXISTS (SELECT 1 FROM public.revoked_sessions r WHERE r.session_id = p_session_id),
         o.id, o.slug, o.name, o.time_zone, m.role::text, m.sessions_valid_from
  FROM public.users u
  LEFT JOIN public.organizations o ON p_org_slug IS NOT NULL AND o.slug = p_org_slug
  LEFT JOIN public.memberships m ON m.organization_id = o.id AND m.user_id = u.id
  WHERE u.id = p_user_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION waymark_request_access(uuid, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION waymark_request_access(uuid, uuid, text) TO waymark_app;
