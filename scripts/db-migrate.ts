// npm run db:migrate — applies the committed migrations to DATABASE_OWNER_URL /
// DATABASE_URL, or to the PGlite directory when neither is set.
import { migrateDatabase } from "./lib";

const target = await migrateDatabase();
console.log(`Migrations applied to ${target}.`);
