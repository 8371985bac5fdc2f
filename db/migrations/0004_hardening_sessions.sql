CREATE TABLE "revoked_sessions" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "sign_in_attempts_email_created_idx";--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "scope" text DEFAULT 'untrusted' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "revoked_sessions" ADD CONSTRAINT "revoked_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "revoked_sessions_user_id_idx" ON "revoked_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_scope_created_idx" ON "sign_in_attempts" USING btree ("email","scope","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_created_idx" ON "sign_in_attempts" USING btree ("address","created_at" DESC NULLS LAST) WHERE not "sign_in_attempts"."succeeded";--> statement-breakpoint
-- Global tables (no organization_id, so no row-level security): the app role needs rights on the new one.
GRANT SELECT, INSERT, UPDATE, DELETE ON "revoked_sessions" TO waymark_app;
