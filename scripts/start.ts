// npm start — the production build (run `npm run build` first).
import { runNext } from "./run-next";

await runNext("start");
