DROP INDEX "api_keys_hash_key";--> statement-breakpoint
DROP INDEX "api_keys_live_idx";--> statement-breakpoint
CREATE INDEX "api_keys_hash_idx" ON "api_keys" USING btree ("hash");