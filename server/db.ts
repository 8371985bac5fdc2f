// The application's database handle for server components, route handlers and tRPC (one per
// process; see app-db.ts).
import "server-only";

export { getDb } from "./app-db";
