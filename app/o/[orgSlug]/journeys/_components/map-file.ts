// Reading a journey map export in the browser before it is sent: is it JSON, is it a Waymark
// export, and if not, where exactly is it wrong — in the words of the map, not of zod.
import { mapDocumentSchema, type MapDocument } from "@/server/schemas/map-transfer";

/** Exports are a few hundred kilobytes at most; anything far bigger is another file. */
export const MAX_MAP_FILE_BYTES = 5 * 1024 * 1024;
const SHOWN_PROBLEMS = 5;

export interface MapFileSummary {
  name: string;
  stageCount: number;
  touchpointCount: number;
  obstacleCount: number;
  personaName: string | null;
  teamNames: string[];
}

export type MapFileCheck =
  /** The server validates the document again: the browser's check is for saying what is wrong. */
  | { ok: true; document: MapDocument; summary: MapFileSummary }
  | { ok: false; problems: string[] };

export function checkMapFile(text: string): MapFileCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: ["This file is not valid JSON. Choose the .json file Waymark exported, unchanged."] };
  }
  const result = mapDocumentSchema.safeParse(raw);
  if (!result.success) {
    // A file of another kind fails everywhere; its first issue is the only useful one.
    const formatIssue = result.error.issues.find((issue) => issue.path[0] === "format" || issue.path[0] === "version");
    if (formatIssue) return { ok: false, problems: [formatIssue.message] };
    const problems = result.error.issues.map((issue) => `${describePath(issue.path, raw)}: ${issue.message}`);
    const hidden = problems.length - SHOWN_PROBLEMS;
    return { ok: false, problems: hidden > 0 ? [...problems.slice(0, SHOWN_PROBLEMS), `…and ${hidden} more.`] : problems };
  }
  return { ok: true, document: result.data, summary: summarize(result.data) };
}

function summarize(document: MapDocument): MapFileSummary {
  const touchpoints = document.stages.flatMap((stage) => stage.touchpoints);
  return {
    name: document.map.name,
    stageCount: document.stages.length,
    touchpointCount: touchpoints.length,
    obstacleCount: touchpoints.reduce((n, tp) => n + tp.obstacles.filter((o) => o.kind === "obstacle").length, 0),
    personaName: document.persona?.name ?? null,
    teamNames: [...new Set(touchpoints.flatMap((tp) => (tp.team ? [tp.team] : [])))].sort((a, b) => a.localeCompare(b)),
  };
}

const FIELD_NAMES: Record<string, string> = {
  expectedEmotion: "expected emotion",
  customerAction: "customer action",
  preferredChannels: "preferred channels",
  ageBand: "age band",
};

const LIST_ITEMS: Record<string, string> = { stages: "stage", touchpoints: "touchpoint", obstacles: "obstacle or opportunity", goals: "goal", pains: "pain" };

/** ["stages", 1, "touchpoints", 0, "key"] → `Stage 2 “Consideration”, touchpoint 1 “Size guide”, key`. */
function describePath(path: readonly PropertyKey[], raw: unknown): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const next = path[i + 1];
    const child = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[segment as PropertyKey] : undefined;
    if (typeof segment === "string" && typeof next === "number" && LIST_ITEMS[segment]) {
      const item = Array.isArray(child) ? (child[next] as unknown) : undefined;
      const itemName = item && typeof item === "object" ? ((item as { name?: unknown; title?: unknown }).name ?? (item as { title?: unknown }).title) : undefined;
      parts.push(`${LIST_ITEMS[segment]} ${next + 1}${typeof itemName === "string" && itemName ? ` “${itemName}”` : ""}`);
      node = item;
      i++;
      continue;
    }
    if (typeof segment === "string") parts.push(FIELD_NAMES[segment] ?? segment);
    node = child;
  }
  const text = parts.join(", ") || "The file";
  return text[0]!.toUpperCase() + text.slice(1);
}
