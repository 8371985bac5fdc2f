// Turns a map-history event into the sentence a person reads ("Maya Manager moved “Delivery”
// to Post-purchase"), like lib/activity.ts does for the organization's log. The `data` shapes
// are the ones recorded with each MapAction in server/services/*; anything missing or
// unknown degrades to a vaguer sentence instead of failing.
import { MAP_STATUS_LABELS, STAGE_TEMPLATES, type MapStatus, type StageTemplate } from "@/db/journey-constants";
import type { MapAction } from "@/server/services/map-history";
import { listOf, plural } from "@/lib/format";

export interface MapHistoryEvent {
  action: string;
  data: unknown;
  actorName: string | null;
}

export interface MapHistorySentence {
  actor: string;
  /** The rest of the sentence, after the actor's name. */
  summary: string;
}

type Data = Record<string, unknown>;

const text = (data: Data, key: string): string | undefined => {
  const value = data[key];
  return typeof value === "string" && value.trim().length > 0 ? value : undefined;
};

const strings = (data: Data, key: string): string[] => {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.length > 0) : [];
};

const quoted = (value: string | undefined, fallback: string) => (value ? `“${value}”` : fallback);

/** What the words for a field of a map or touchpoint are, as recorded in `changed`. */
const MAP_FIELDS: Record<string, string> = { description: "the description", personaId: "the persona", ownerUserId: "the owner" };
const TOUCHPOINT_FIELDS: Record<string, string> = {
  name: "name",
  key: "key",
  channel: "channel",
  description: "description",
  teamId: "owning team",
  customerAction: "customer action",
  expectedEmotion: "expected emotion",
  notes: "notes",
};

const isStatus = (value: string | undefined): value is MapStatus => value !== undefined && Object.hasOwn(MAP_STATUS_LABELS, value);
const isTemplate = (value: string | undefined): value is StageTemplate => value !== undefined && Object.hasOwn(STAGE_TEMPLATES, value);

/** "obstacle" or "opportunity"; anything else reads as the neutral "insight". */
const kindOf = (data: Data) => {
  const kind = text(data, "kind");
  return kind === "obstacle" || kind === "opportunity" ? kind : "insight";
};

function mapUpdated(data: Data): string {
  const changed = strings(data, "changed");
  const parts: string[] = [];
  if (changed.includes("name")) parts.push(`renamed the map to ${quoted(text(data, "name"), "a new name")}`);
  if (changed.includes("status")) {
    const status = text(data, "status");
    parts.push(isStatus(status) ? `set its status to ${MAP_STATUS_LABELS[status]}` : "changed its status");
  }
  const others = changed.filter((field) => field !== "name" && field !== "status").map((field) => MAP_FIELDS[field] ?? "its details");
  if (others.length > 0) parts.push(`changed ${listOf([...new Set(others)])}`);
  return parts.length > 0 ? listOf(parts) : "updated the map’s details";
}

function touchpointUpdated(data: Data): string {
  const name = text(data, "name");
  const previous = text(data, "previousName");
  const others = [...new Set(strings(data, "changed").filter((field) => field !== "name").map((field) => TOUCHPOINT_FIELDS[field] ?? "details"))];
  const renamed = previous && name ? `renamed the touchpoint ${quoted(previous, "")} to ${quoted(name, "")}` : undefined;
  if (renamed) return others.length > 0 ? `${renamed} and changed its ${listOf(others)}` : renamed;
  const subject = `the touchpoint ${quoted(name, "")}`.trim();
  return others.length > 0 ? `changed the ${listOf(others)} of ${subject}` : `updated ${subject}`;
}

function touchpointMoved(data: Data): string {
  const name = quoted(text(data, "name"), "a touchpoint");
  const stage = text(data, "stage");
  const from = text(data, "fromStage");
  if (!stage) return `moved ${name}`;
  // No fromStage means it stayed in its stage: only its order changed.
  return from ? `moved ${name} to ${stage} (from ${from})` : `reordered ${name} within ${stage}`;
}

function commentCreated(data: Data): string {
  const about = text(data, "about");
  const mentions = strings(data, "mentions");
  return `commented on ${quoted(about, "the map")}${mentions.length > 0 ? `, mentioning ${listOf(mentions)}` : ""}`;
}

export function describeMapEvent(event: MapHistoryEvent): MapHistorySentence {
  const data: Data = event.data && typeof event.data === "object" && !Array.isArray(event.data) ? (event.data as Data) : {};
  const actor = event.actorName ?? "Someone";
  const name = text(data, "name");
  const title = text(data, "title");

  // Typed by MapAction so a new action cannot ship without its sentence.
  const summaries: Record<MapAction, () => string> = {
    "map.created": () => {
      const template = text(data, "template");
      const from = isTemplate(template) && template !== "blank" ? ` from the ${STAGE_TEMPLATES[template].label} template` : "";
      return `created the map ${quoted(name, "")}`.trim() + from;
    },
    "map.imported": () => {
      const from = text(data, "from");
      return from && name && from !== name ? `imported this map from a file, as ${quoted(name, "")} (exported as ${quoted(from, "")})` : "imported this map from a file";
    },
    "map.updated": () => mapUpdated(data),
    "stage.created": () => `added the stage ${quoted(name, "")}`.trim(),
    "stage.updated": () => {
      const previous = text(data, "previousName");
      return previous && name ? `renamed the stage ${quoted(previous, "")} to ${quoted(name, "")}` : `updated the stage ${quoted(name, "")}`.trim();
    },
    "stage.moved": () => `moved the stage ${quoted(name, "")}`.trim(),
    "stage.deleted": () => {
      const count = typeof data.touchpoints === "number" && data.touchpoints > 0 ? data.touchpoints : 0;
      return `deleted the stage ${quoted(name, "")}`.trim() + (count > 0 ? ` with its ${plural(count, "touchpoint")}` : "");
    },
    "touchpoint.created": () => {
      const stage = text(data, "stage");
      return `added the touchpoint ${quoted(name, "")}`.trim() + (stage ? ` to ${stage}` : "");
    },
    "touchpoint.updated": () => touchpointUpdated(data),
    "touchpoint.moved": () => touchpointMoved(data),
    "touchpoint.deleted": () => `deleted the touchpoint ${quoted(name, "")}`.trim(),
    "obstacle.created": () => {
      const touchpoint = text(data, "touchpoint");
      return `added the ${kindOf(data)} ${quoted(title, "")}`.trim() + (touchpoint ? ` to ${quoted(touchpoint, "")}` : "");
    },
    "obstacle.updated": () => `updated the ${kindOf(data)} ${quoted(title, "")}`.trim(),
    "obstacle.deleted": () => `deleted the ${kindOf(data)} ${quoted(title, "")}`.trim(),
    "comment.created": () => commentCreated(data),
    "share_link.created": () => "created a read-only share link",
    "share_link.revoked": () => "revoked a read-only share link",
  };
  const summary = Object.hasOwn(summaries, event.action) ? summaries[event.action as MapAction]() : "changed the map";
  return { actor, summary };
}

/**
 * Events grouped by the local day they happened on, in the order given (newest first from
 * the server), labelled "Today", "Yesterday" or a date.
 */
export function groupByDay<T extends { createdAt: Date }>(events: readonly T[], now: Date = new Date()): { label: string; events: T[] }[] {
  const groups: { key: string; label: string; events: T[] }[] = [];
  for (const event of events) {
    const key = dayKey(event.createdAt);
    const last = groups.at(-1);
    if (last?.key === key) last.events.push(event);
    else groups.push({ key, label: dayLabel(event.createdAt, now), events: [event] });
  }
  return groups.map(({ label, events: grouped }) => ({ label, events: grouped }));
}

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
const localDay = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long" });
const localDayWithYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

export function dayLabel(date: Date, now: Date = new Date()): string {
  if (dayKey(date) === dayKey(now)) return "Today";
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return "Yesterday";
  return date.getFullYear() === now.getFullYear() ? localDay.format(date) : localDayWithYear.format(date);
}
