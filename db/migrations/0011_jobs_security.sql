-- Jobs and alerts: row-level security like every tenant table, plus two doors for the
-- application role, each a function running as its owner (the migrating role), like
-- waymark_api_key_lookup in 0008.
SELECT waymark_secure_tenant_tables();
--> statement-breakpoint
-- The owner reads jobs and memberships through FORCE ROW LEVEL SECURITY only inside the
-- functions below (a superuser owner bypasses it anyway). Read-only: the claim writes a job
-- only after setting app.org_id to the job's organization, under the tenant_isolation policy.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY jobs_owner_claim ON public.jobs AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
  EXECUTE format('CREATE POLICY memberships_owner_access ON public.memberships AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;
--> statement-breakpoint
-- 1. The job runner claims due jobs of every organization before it knows whose they are: up
--    to p_max_jobs jobs that are queued and due, or running past their lease (their runner
--    died), each locked with SKIP LOCKED so two runners never take the same job, and leased to
--    p_runner until p_at + p_lease_ms. p_at is the runner's clock, so tests can move time.
--    A job whose runner died on its last allowed attempt is failed instead of run again.
--    Candidates are read across organizations; each is then locked and changed inside its own
--    organization's context (app.org_id), so no policy lets anyone write across tenants.
CREATE OR REPLACE FUNCTION waymark_claim_jobs(p_runner text, p_lease_ms integer, p_max_jobs integer, p_at timestamptz)
RETURNS SETOF public.jobs
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public
AS $$
DECLARE
  candidate record;
  locked public.jobs;
  claimed public.jobs;
  taken integer := 0;
  previous_org text := current_setting('app.org_id', true);
BEGIN
  FOR candidate IN
    SELECT j.organization_id, j.id FROM public.jobs j
    WHERE j.status IN ('queued', 'running') AND j.run_at <= p_at AND (j.status = 'queued' OR j.locked_until < p_at)
    ORDER BY j.run_at, j.id
    -- Room for candidates another runner is taking at this moment (skipped below).
    LIMIT p_max_jobs * 4 + 8
  LOOP
    EXIT WHEN taken >= p_max_jobs;
    PERFORM set_config('app.org_id', candidate.organization_id::text, true);
    SELECT * INTO locked FROM public.jobs j
    WHERE j.organization_id = candidate.organization_id AND j.id = candidate.id
      AND j.status IN ('queued', 'running') AND j.run_at <= p_at AND (j.status = 'queued' OR j.locked_until < p_at)
    FOR UPDATE SKIP LOCKED;
    CONTINUE WHEN NOT FOUND;
    IF locked.status = 'running' AND locked.attempts >= locked.max_attempts THEN
      UPDATE public.jobs j
      SET status = 'failed', locked_by = NULL, locked_until = NULL, finished_at = p_at, updated_at = p_at,
          last_error = 'The runner stopped before finishing (its lease expired) on the last allowed attempt.'
      WHERE j.organization_id = locked.organization_id AND j.id = locked.id;
      CONTINUE;
    END IF;
    UPDATE public.jobs j
    SET status = 'running', locked_by = p_runner, locked_until = p_at + p_lease_ms * interval '1 millisecond',
        attempts = j.attempts + 1, started_at = p_at, updated_at = p_at,
        last_error = CASE WHEN j.status = 'running' THEN 'The runner stopped before finishing (its lease expired).' ELSE j.last_error END
    WHERE j.organization_id = locked.organization_id AND j.id = locked.id
    RETURNING * INTO claimed;
    taken := taken + 1;
    RETURN NEXT claimed;
  END LOOP;
  PERFORM set_config('app.org_id', coalesce(previous_org, ''), true);
END
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
