CREATE TYPE "public"."touchpoint_channel" AS ENUM('web', 'mobile_app', 'chat', 'phone', 'email', 'sms', 'social', 'store', 'mail', 'other');--> statement-breakpoint
CREATE TYPE "public"."insight_kind" AS ENUM('obstacle', 'opportunity');--> statement-breakpoint
CREATE TYPE "public"."journey_map_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "journey_maps" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"persona_id" uuid,
	"status" "journey_map_status" DEFAULT 'draft' NOT NULL,
	"owner_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_maps_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "obstacles" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"kind" "insight_kind" DEFAULT 'obstacle' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" "severity" DEFAULT 'medium' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obstacles_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "personas" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"demographics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"pains" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_channels" "touchpoint_channel"[] DEFAULT '{}'::touchpoint_channel[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personas_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stages_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "stages_org_map_id_key" UNIQUE("organization_id","map_id","id"),
	CONSTRAINT "stages_org_map_position_key" UNIQUE("organization_id","map_id","position")
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"position" text COLLATE "C" NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"channel" "touchpoint_channel" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"customer_action" text DEFAULT '' NOT NULL,
	"expected_emotion" smallint,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "touchpoints_org_stage_position_key" UNIQUE("organization_id","stage_id","position"),
	CONSTRAINT "touchpoints_expected_emotion_range" CHECK ("touchpoints"."expected_emotion" between -2 and 2)
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"touchpoint_id" uuid,
	"obstacle_id" uuid,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "map_events" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "map_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "map_share_links" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "map_share_links_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "map_share_links_org_token_key" UNIQUE("organization_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"kind" text DEFAULT 'mention' NOT NULL,
	"map_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "notifications_org_comment_recipient_key" UNIQUE("organization_id","comment_id","recipient_user_id")
);
--> statement-breakpoint
ALTER TABLE "journey_maps" ADD CONSTRAINT "journey_maps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_maps" ADD CONSTRAINT "journey_maps_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personas" ADD CONSTRAINT "personas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_map_fk" FOREIGN KEY ("organization_id","map_id") REFERENCES "public"."journey_maps"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_stage_fk" FOREIGN KEY ("organization_id","map_id","stage_id") REFERENCES "public"."stages"("organization_id","map_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_map_fk" FOREIGN KEY ("organization_id","map_id") REFERENCES "public"."journey_maps"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_obstacle_fk" FOREIGN KEY ("organization_id","obstacle_id") REFERENCES "public"."obstacles"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_events" ADD CONSTRAINT "map_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_events" ADD CONSTRAINT "map_events_map_fk" FOREIGN KEY ("organization_id","map_id") REFERENCES "public"."journey_maps"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_share_links" ADD CONSTRAINT "map_share_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_share_links" ADD CONSTRAINT "map_share_links_map_fk" FOREIGN KEY ("organization_id","map_id") REFERENCES "public"."journey_maps"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_membership_fk" FOREIGN KEY ("organization_id","recipient_user_id") REFERENCES "public"."memberships"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_map_fk" FOREIGN KEY ("organization_id","map_id") REFERENCES "public"."journey_maps"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_fk" FOREIGN KEY ("organization_id","comment_id") REFERENCES "public"."comments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_maps_org_updated_idx" ON "journey_maps" USING btree ("organization_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "obstacles_org_map_idx" ON "obstacles" USING btree ("organization_id","map_id");--> statement-breakpoint
CREATE UNIQUE INDEX "personas_org_name_key" ON "personas" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "touchpoints_org_key_key" ON "touchpoints" USING btree ("organization_id",lower("key"));--> statement-breakpoint
CREATE INDEX "touchpoints_org_map_idx" ON "touchpoints" USING btree ("organization_id","map_id");--> statement-breakpoint
CREATE INDEX "comments_org_map_idx" ON "comments" USING btree ("organization_id","map_id","created_at");--> statement-breakpoint
CREATE INDEX "map_events_org_map_idx" ON "map_events" USING btree ("organization_id","map_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_org_recipient_idx" ON "notifications" USING btree ("organization_id","recipient_user_id","created_at" DESC NULLS LAST);