-- The dashboards' raw path (several segment values at once, response channels, verbatims):
-- range aggregates over an organization's responses read only this index. It keeps the name
-- and key of the plain (organization_id, submitted_at) index the schema declares, so the
-- drizzle snapshot stays true; INCLUDE, which drizzle cannot express, makes it covering.
DROP INDEX IF EXISTS "survey_responses_org_submitted_idx";--> statement-breakpoint
CREATE INDEX "survey_responses_org_submitted_idx" ON "survey_responses" ("organization_id", "submitted_at") INCLUDE ("touchpoint_id", "survey_id", "csat", "nps", "ces");--> statement-breakpoint
-- Grouping by touchpoint and day: without these the planner multiplies the columns' distinct
-- counts and picks a sort where a hash aggregate fits (measured ~3x slower). The day
-- expression matches the queries' bucket for organizations on UTC (the default zone).
CREATE STATISTICS IF NOT EXISTS "survey_responses_touchpoint_day_stats" (ndistinct) ON "touchpoint_id", (("submitted_at" AT TIME ZONE 'UTC')::date) FROM "survey_responses";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "survey_responses_org_touchpoint_survey_stats" (ndistinct) ON "organization_id", "touchpoint_id", "survey_id" FROM "survey_responses";
