CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."alert_comparison" AS ENUM('below', 'above');--> statement-breakpoint
CREATE TYPE "public"."alert_metric" AS ENUM('csatPct', 'nps', 'cesMean', 'csatMean');--> statement-breakpoint
CREATE TYPE "public"."alert_state" AS ENUM('ok', 'firing');--> statement-breakpoint
CREATE TABLE "jobs" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"dedupe_key" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"metric" "alert_metric" NOT NULL,
	"comparison" "alert_comparison" NOT NULL,
	"threshold" double precision NOT NULL,
	"window_days" integer NOT NULL,
	"minimum_answers" integer NOT NULL,
	"state" "alert_state" DEFAULT 'ok' NOT NULL,
	"last_value" double precision,
	"last_n" integer,
	"last_checked_at" timestamp with time zone,
	"fired_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "alerts_window_days_range" CHECK ("alerts"."window_days" between 1 and 365),
	CONSTRAINT "alerts_minimum_answers_range" CHECK ("alerts"."minimum_answers" >= 1)
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "map_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "comment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "alert_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "data" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_touchpoint_fk" FOREIGN KEY ("organization_id","touchpoint_id") REFERENCES "public"."touchpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "jobs_org_created_idx" ON "jobs" USING btree ("organization_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_org_dedupe_key" ON "jobs" USING btree ("organization_id","dedupe_key") WHERE "jobs"."dedupe_key" is not null and "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "alerts_org_touchpoint_idx" ON "alerts" USING btree ("organization_id","touchpoint_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_fk" FOREIGN KEY ("organization_id","alert_id") REFERENCES "public"."alerts"("organization_id","id") ON DELETE cascade ON UPDATE no action;