-- Journey tables: optional references that must survive the referenced row's deletion.
-- A composite key with ON DELETE SET NULL would also null organization_id, so only the
-- referencing column is set null (PostgreSQL 15+), which Drizzle cannot express.
ALTER TABLE "journey_maps" ADD CONSTRAINT "journey_maps_persona_fk"
  FOREIGN KEY ("organization_id", "persona_id") REFERENCES "personas" ("organization_id", "id")
  ON DELETE SET NULL ("persona_id");
--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_team_fk"
  FOREIGN KEY ("organization_id", "team_id") REFERENCES "teams" ("organization_id", "id")
  ON DELETE SET NULL ("team_id");
--> statement-breakpoint
-- Row-level security on the new tenant tables.
SELECT waymark_secure_tenant_tables();
