// The journey's real emotion curve: per touchpoint of a map, in canvas order, the emotion the
// team designed (−2 … +2) beside the one customers report, CSAT mean − 3 on the same scale.
import type { Db } from "@/db/client";
import { withOrg } from "@/db/tenancy";
import { journeyMaps } from "@/db/schema";
import type { Interval } from "../../metrics/intervals";
import type { DashboardFilters } from "../../schemas/dashboard";
import { inOrgLoader } from "../load-in-org";
import { sumBy, type AnswerPath } from "./facts";
import type { Period } from "./period";
import { figuresOf, inView, type ViewOptions } from "./view";

/** A gap of this many points between designed and actual emotion flags the touchpoint. */
export const EMOTION_GAP_FLAG = 1;
/** CSAT mean 3 ("neither") is emotion 0. */
const NEUTRAL_CSAT = 3;

export type EmotionFlag = "worse" | "better" | null;

export interface CurvePoint {
  touchpointId: string;
  key: string;
  name: string;
  channel: string;
  stage: { id: string; name: string; position: string };
  designed: number | null;
  /** CSAT mean − 3, −2 … +2; null without CSAT answers. */
  actual: number | null;
  interval: Interval | null;
  n: number;
  lowSample: boolean;
  csatPct: number | null;
  lastResponseAt: Date | null;
  flag: EmotionFlag;
}

export interface MapCurve {
  period: Period;
  answeredBy: AnswerPath;
  map: { id: string; name: string };
  points: CurvePoint[];
}

/**
 * "worse" / "better" when customers' emotion is at least EMOTION_GAP_FLAG below / above the
 * designed one. Only for a solid figure (not low sample): with a handful of answers the mean
 * swings by a point on its own, and a flag would send a team after noise.
 */
export function emotionFlag(designed: number | null, actual: number | null, lowSample: boolean): EmotionFlag {
  if (designed === null || actual === null || lowSample) return null;
  if (actual - designed <= -EMOTION_GAP_FLAG) return "worse";
  if (actual - designed >= EMOTION_GAP_FLAG) return "better";
  return null;
}

const loadMap = inOrgLoader(journeyMaps, "Journey map");

export async function dashboardMapCurve(db: Db, ctx: { orgId: string }, input: { mapId: string; filters: DashboardFilters }, options: ViewOptions = {}): Promise<MapCurve> {
  // NOT_FOUND before any figure: the map must be this organization's.
  const map = await withOrg(db, ctx.orgId, (tx) => loadMap(tx, ctx, input.mapId));
  const filters = { ...input.filters, mapId: map.id };
  return inView(db, ctx, filters, options, async (view) => {
    const byTouchpoint = sumBy(await view.facts(["touchpoint"]), (r) => r.touchpointId);
    const catalog = await view.catalog();
    const points = catalog.map((t): CurvePoint => {
      const totals = byTouchpoint.get(t.id);
      const figures = totals ? figuresOf(totals) : null;
      const mean = figures?.csatMean;
      const actual = mean?.value == null ? null : mean.value - NEUTRAL_CSAT;
      const lowSample = mean ? mean.lowSample : true;
      return {
        touchpointId: t.id,
        key: t.key,
        name: t.name,
        channel: t.channel,
        stage: t.stage,
        designed: t.expectedEmotion,
        actual,
        interval: mean?.interval ? { low: mean.interval.low - NEUTRAL_CSAT, high: mean.interval.high - NEUTRAL_CSAT } : null,
        n: mean?.n ?? 0,
        lowSample,
        csatPct: figures?.csatPct.value ?? null,
        lastResponseAt: totals?.lastSubmittedAt ?? null,
        flag: emotionFlag(t.expectedEmotion, actual, lowSample),
      };
    });
    return { period: view.period, answeredBy: view.answeredBy(), map: { id: map.id, name: map.name }, points };
  });
}
