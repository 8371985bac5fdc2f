-- Findings outlive the map elements, teams, rules and findings they name: each such reference
-- sets only its own column null (PostgreSQL 15+), never organization_id — Drizzle cannot express it.
ALTER TABLE "findings" ADD CONSTRAINT "findings_map_fk"
  FOREIGN KEY ("organization_id", "map_id") REFERENCES "journey_maps" ("organization_id", "id") ON DELETE SET NULL ("map_id");
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_stage_fk"
  FOREIGN KEY ("organization_id", "stage_id") REFERENCES "stages" ("organization_id", "id") ON DELETE SET NULL ("stage_id");
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_touchpoint_fk"
  FOREIGN KEY ("organization_id", "touchpoint_id") REFERENCES "touchpoints" ("organization_id", "id") ON DELETE SET NULL ("touchpoint_id");
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_obstacle_fk"
  FOREIGN KEY ("organization_id", "obstacle_id") REFERENCES "obstacles" ("organization_id", "id") ON DELETE SET NULL ("obstacle_id");
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_team_fk"
  FOREIGN KEY ("organization_id", "team_id") REFERENCES "teams" ("organization_id", "id") ON DELETE SET NULL ("team_id");
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_routed_by_rule_fk"
  FOREIGN KEY ("organization_id", "routed_by_rule_id") REFERENCES "routing_rules" ("organization_id", "id") ON DELETE SET NULL ("routed_by_rule_id");
--> statement-breakpoint
-- A duplicate's target is never deleted while it is named (no finding deletion in the product);
-- restrict so a future delete cannot break the duplicate check constraint.
ALTER TABLE "findings" ADD CONSTRAINT "findings_duplicate_of_fk"
  FOREIGN KEY ("organization_id", "duplicate_of_id") REFERENCES "findings" ("organization_id", "id") ON DELETE RESTRICT;
--> statement-breakpoint
SELECT waymark_secure_tenant_tables();
