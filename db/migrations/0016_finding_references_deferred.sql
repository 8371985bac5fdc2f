-- Deleting a map cascades to its stages, touchpoints and obstacles, and each level sets its own
-- column of a finding null. A finding row updated once in the transaction has its other foreign
-- keys re-checked on the next update (PostgreSQL re-checks rows the transaction wrote), and a
-- touchpoint may already be gone while its SET NULL has not run yet: the delete failed with
-- 23503 findings_touchpoint_fk. Which action runs first follows the RI trigger names, which
-- carry OIDs, so a database whose OIDs crossed a digit boundary broke where others did not.
-- Deferring the checks to commit removes the dependence on order: by then every reference is
-- either null or names a row that exists. The SET NULL actions themselves still run at once.
ALTER TABLE "findings" ALTER CONSTRAINT "findings_map_fk" DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "findings" ALTER CONSTRAINT "findings_stage_fk" DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "findings" ALTER CONSTRAINT "findings_touchpoint_fk" DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "findings" ALTER CONSTRAINT "findings_obstacle_fk" DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "findings" ALTER CONSTRAINT "findings_team_fk" DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "findings" ALTER CONSTRAINT "findings_routed_by_rule_fk" DEFERRABLE INITIALLY DEFERRED;
