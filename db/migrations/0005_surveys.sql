CREATE TYPE "public"."actor_kind" AS ENUM('user', 'api_key', 'system');--> statement-breakpoint
CREATE TYPE "public"."import_source" AS ENUM('upload', 'api', 'cli');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('running', 'succeeded', 'rejected', 'failed');--> statement-breakpoint
CREATE TABLE "imports" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"source" "import_source" NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"file_name" text,
	"status" "import_status" DEFAULT 'running' NOT NULL,
	"skip_invalid" boolean DEFAULT false NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure" text,
	"idempotency_key" text,
	"request_hash" text,
	"answer" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"touchpoint_id" uuid,
	"import_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"csat" smallint,
	"nps" smallint,
	"ces" smallint,
	"comment" text,
	"channel" "touchpoint_channel",
	"segment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "survey_responses_csat_range" CHECK ("survey_responses"."csat" between 1 and 5),
	CONSTRAINT "survey_responses_nps_range" CHECK ("survey_responses"."nps" between 0 and 10),
	CONSTRAINT "survey_responses_ces_range" CHECK ("survey_responses"."ces" between 1 and 7),
	CONSTRAINT "survey_responses_has_score" CHECK (coalesce("survey_responses"."csat", "survey_responses"."nps", "survey_responses"."ces") is not null)
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"default_touchpoint_id" uuid,
	"mapping" jsonb,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "touchpoint_daily_stats" (
	"organization_id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"day" date NOT NULL,
	"segment_key" text DEFAULT '' NOT NULL,
	"segment_value" text DEFAULT '' NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"csat_1" integer DEFAULT 0 NOT NULL,
	"csat_2" integer DEFAULT 0 NOT NULL,
	"csat_3" integer DEFAULT 0 NOT NULL,
	"csat_4" integer DEFAULT 0 NOT NULL,
	"csat_5" integer DEFAULT 0 NOT NULL,
	"nps_0" integer DEFAULT 0 NOT NULL,
	"nps_1" integer DEFAULT 0 NOT NULL,
	"nps_2" integer DEFAULT 0 NOT NULL,
	"nps_3" integer DEFAULT 0 NOT NULL,
	"nps_4" integer DEFAULT 0 NOT NULL,
	"nps_5" integer DEFAULT 0 NOT NULL,
	"nps_6" integer DEFAULT 0 NOT NULL,
	"nps_7" integer DEFAULT 0 NOT NULL,
	"nps_8" integer DEFAULT 0 NOT NULL,
	"nps_9" integer DEFAULT 0 NOT NULL,
	"nps_10" integer DEFAULT 0 NOT NULL,
	"ces_1" integer DEFAULT 0 NOT NULL,
	"ces_2" integer DEFAULT 0 NOT NULL,
	"ces_3" integer DEFAULT 0 NOT NULL,
	"ces_4" integer DEFAULT 0 NOT NULL,
	"ces_5" integer DEFAULT 0 NOT NULL,
	"ces_6" integer DEFAULT 0 NOT NULL,
	"ces_7" integer DEFAULT 0 NOT NULL,
	"last_submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "touchpoint_daily_stats_organization_id_touchpoint_id_survey_id_day_segment_key_segment_value_pk" PRIMARY KEY("organization_id","touchpoint_id","survey_id","day","segment_key","segment_value")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_survey_fk" FOREIGN KEY ("organization_id","survey_id") REFERENCES "public"."surveys"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_org_started_idx" ON "imports" USING btree ("organization_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "imports_org_idempotency_key" ON "imports" USING btree ("organization_id","idempotency_key") WHERE "imports"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_org_external_id_key" ON "survey_responses" USING btree ("organization_id","external_id");--> statement-breakpoint
CREATE INDEX "survey_responses_org_submitted_idx" ON "survey_responses" USING btree ("organization_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_responses_org_touchpoint_submitted_idx" ON "survey_responses" USING btree ("organization_id","touchpoint_id","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_org_name_key" ON "surveys" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "touchpoint_daily_stats_org_day_idx" ON "touchpoint_daily_stats" USING btree ("organization_id","segment_key","day");