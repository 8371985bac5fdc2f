-- Survey tables: references that must survive the referenced row's deletion set only their
-- own column null (PostgreSQL 15+), never organization_id — Drizzle cannot express it.
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_default_touchpoint_fk"
  FOREIGN KEY ("organization_id", "default_touchpoint_id") REFERENCES "touchpoints" ("organization_id", "id")
  ON DELETE SET NULL ("default_touchpoint_id");
--> statement-breakpoint
-- Row-level security on the new tenant tables.
SELECT waymark_secure_tenant_tables();
