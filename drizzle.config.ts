import { defineConfig } from "drizzle-kit";

// Used only by `npm run db:generate` (drizzle-kit generate), which diffs db/schema against
// the committed snapshots and needs no database. Migrations are applied by db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
