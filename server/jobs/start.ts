// Starts the job runner inside the app process (scripts/run-next.ts), on the app's own
// database handle. Each app instance runs one; they share the queue safely (runner.ts).
import { getDb } from "../app-db";
import { env } from "../env";
import { JOB_DEFINITIONS } from "./registry";
import { JobRunner } from "./runner";

export async function startJobRunner(): Promise<JobRunner | null> {
  if (!env().WAYMARK_JOBS) return null;
  const runner = new JobRunner(await getDb(), { definitions: JOB_DEFINITIONS });
  runner.start();
  return runner;
}
