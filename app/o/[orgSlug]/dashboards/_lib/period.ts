// Calendar days (YYYY-MM-DD) for the filter bar's presets. Pure arithmetic on days, so the
// browser's own time zone never shifts them; "today" comes from the server, in the
// organization's time zone.
import { RANGE_PRESETS } from "@/server/schemas/dashboard";

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The preset a range matches (ending today, of that many days), or "custom". */
export function presetOf(from: string | undefined, to: string | undefined, today: string): string {
  if (!from || to !== today) return "custom";
  return RANGE_PRESETS.find((p) => addDays(today, 1 - p.days) === from)?.id ?? "custom";
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
