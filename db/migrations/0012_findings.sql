CREATE TYPE "public"."finding_source" AS ENUM('manual', 'obstacle', 'response', 'alert', 'suggestion');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('new', 'triaged', 'in_progress', 'resolved', 'wont_fix', 'duplicate');--> statement-breakpoint
CREATE TABLE "finding_events" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "finding_evidence" (
	"organization_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"added_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_evidence_organization_id_finding_id_response_id_pk" PRIMARY KEY("organization_id","finding_id","response_id")
);
--> statement-breakpoint
CREATE TABLE "finding_suggestion_dismissals" (
	"organization_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"phrase" text NOT NULL,
	"dismissed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_suggestion_dismissals_organization_id_touchpoint_id_phrase_pk" PRIMARY KEY("organization_id","touchpoint_id","phrase")
);
--> statement-breakpoint
CREATE TABLE "finding_views" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"name" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_views_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"map_id" uuid,
	"stage_id" uuid,
	"touchpoint_id" uuid,
	"obstacle_id" uuid,
	"team_id" uuid,
	"assignee_user_id" uuid,
	"status" "finding_status" DEFAULT 'new' NOT NULL,
	"severity" "severity" DEFAULT 'medium' NOT NULL,
	"due_at" timestamp with time zone,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" "finding_source" DEFAULT 'manual' NOT NULL,
	"routed_by_rule_id" uuid,
	"duplicate_of_id" uuid,
	"decline_reason" text,
	"snoozed_until" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"sla_notified_state" text,
	"resolved_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "findings_org_number_key" UNIQUE("organization_id","number"),
	CONSTRAINT "findings_duplicate_has_target" CHECK (("findings"."status" = 'duplicate') = ("findings"."duplicate_of_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_organization_id_user_id_kind_pk" PRIMARY KEY("organization_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"team_id" uuid NOT NULL,
	"assignee_user_id" uuid,
	"severity" "severity",
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rules_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_slas" (
	"organization_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"severity" "severity" NOT NULL,
	"first_response_hours" smallint NOT NULL,
	"resolution_hours" integer NOT NULL,
	"weekdays_only" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_slas_organization_id_team_id_severity_pk" PRIMARY KEY("organization_id","team_id","severity"),
	CONSTRAINT "team_slas_positive" CHECK ("team_slas"."first_response_hours" > 0 and "team_slas"."resolution_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"events" text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "findings_visibility" text DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "finding_id" uuid;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_finding_fk" FOREIGN KEY ("organization_id","finding_id") REFERENCES "public"."findings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_finding_fk" FOREIGN KEY ("organization_id","finding_id") REFERENCES "public"."findings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_suggestion_dismissals" ADD CONSTRAINT "finding_suggestion_dismissals_dismissed_by_user_id_users_id_fk" FOREIGN KEY ("dismissed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_suggestion_dismissals" ADD CONSTRAINT "finding_suggestion_dismissals_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_views" ADD CONSTRAINT "finding_views_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_team_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_slas" ADD CONSTRAINT "team_slas_team_fk" FOREIGN KEY ("organization_id","team_id") REFERENCES "public"."teams"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_fk" FOREIGN KEY ("organization_id","endpoint_id") REFERENCES "public"."webhook_endpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_events_org_finding_idx" ON "finding_events" USING btree ("organization_id","finding_id","created_at");--> statement-breakpoint
CREATE INDEX "finding_evidence_org_response_idx" ON "finding_evidence" USING btree ("organization_id","response_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finding_views_org_name_key" ON "finding_views" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "findings_org_status_idx" ON "findings" USING btree ("organization_id","status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "findings_org_team_idx" ON "findings" USING btree ("organization_id","team_id","status");--> statement-breakpoint
CREATE INDEX "findings_org_touchpoint_idx" ON "findings" USING btree ("organization_id","touchpoint_id");--> statement-breakpoint
CREATE INDEX "findings_org_updated_idx" ON "findings" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "routing_rules_org_position_idx" ON "routing_rules" USING btree ("organization_id","position");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_org_endpoint_idx" ON "webhook_deliveries" USING btree ("organization_id","endpoint_id","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_finding_fk" FOREIGN KEY ("organization_id","finding_id") REFERENCES "public"."findings"("organization_id","id") ON DELETE cascade ON UPDATE no action;