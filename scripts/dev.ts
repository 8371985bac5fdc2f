// npm run dev — Waymark on http://localhost:3000 with the embedded database and demo data.
import { runNext } from "./run-next";

await runNext("dev");
