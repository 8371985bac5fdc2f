-- The dashboards' everyday read — every response (segment_key ''), a range of days — as an
-- index-only scan: the schema declares this partial index on (organization_id, day); INCLUDE,
-- which drizzle cannot express, carries the touchpoint, survey and counts, so a 90-day overview
-- reads ~110 contiguous index pages instead of ~500 heap pages shared with the segment rows.
CREATE INDEX "touchpoint_daily_stats_totals_idx" ON "touchpoint_daily_stats" USING btree ("organization_id","day") INCLUDE ("touchpoint_id", "survey_id", "responses", "csat_1", "csat_2", "csat_3", "csat_4", "csat_5", "nps_0", "nps_1", "nps_2", "nps_3", "nps_4", "nps_5", "nps_6", "nps_7", "nps_8", "nps_9", "nps_10", "ces_1", "ces_2", "ces_3", "ces_4", "ces_5", "ces_6", "ces_7", "last_submitted_at") WHERE segment_key = '';
