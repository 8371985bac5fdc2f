// npm run db:seed — the idempotent demo seed (Acme Outfitters and its demo people).
import { migrateDatabase, printDemoCredentials, seedDatabase } from "./lib";

await migrateDatabase();
const created = await seedDatabase();
console.log(created ? "Demo organization created." : "Demo organization already present; nothing changed.");
printDemoCredentials();
