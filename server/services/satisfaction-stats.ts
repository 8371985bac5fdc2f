// Per-touchpoint satisfaction over a range of organization days, for callers that want one
// row per touchpoint with data (the alert checks): the read API's figures, from the same
// dashboards service, so an alert and a screen never disagree.
import type { Db } from "@/db/client";
import type { SatisfactionFigures } from "../metrics/satisfaction";
import { touchpointStats } from "./dashboards/touchpoint-stats";

export interface TouchpointSatisfaction extends SatisfactionFigures {
  touchpointId: string;
  key: string;
  name: string;
  responses: number;
}

/** `from` and `to` are YYYY-MM-DD days, both included. */
export async function touchpointSatisfaction(db: Db, ctx: { orgId: string }, range: { from: string; to: string }): Promise<TouchpointSatisfaction[]> {
  const { touchpoints } = await touchpointStats(db, ctx, range);
  return touchpoints.map(({ n, buckets: _buckets, ...row }) => ({ ...row, responses: n }));
}
