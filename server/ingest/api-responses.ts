// One response the API received as JSON → a stored response, checked like a file's row: the
// touchpoint by key, name or alias (any case), the time in the survey's zone when it states
// none, the channel in the same words a file may use. Problems name the line and the field.
import { apiResponseSchema } from "../schemas/rest-responses";
import type { RowError, RowResult } from "./response-rows";
import { clip } from "./scores";
import { parseTimestamp } from "./timestamps";
import { channelFromText, touchpointLookup, type TouchpointRef } from "./vocabulary";

export function compileResponseReader(options: { touchpoints: readonly TouchpointRef[]; surveyTimeZone: string }): (line: number, value: unknown) => RowResult {
  const lookup = touchpointLookup(options.touchpoints);
  return (line, value) => {
    const parsed = apiResponseSchema.safeParse(value);
    if (!parsed.success) {
      const errors: RowError[] = parsed.error.issues.map((issue) => ({ line, column: issue.path.length > 0 ? issue.path.join(".") : null, message: issue.message }));
      return { ok: false, errors };
    }
    const r = parsed.data;
    const errors: RowError[] = [];
    const touchpointId = lookup.get(r.touchpoint.toLowerCase());
    if (!touchpointId) errors.push({ line, column: "touchpoint", message: `Unknown touchpoint "${clip(r.touchpoint)}": no touchpoint has this key, name or alias.` });
    const time = parseTimestamp(r.submittedAt, { order: "ymd", timeZone: options.surveyTimeZone });
    if (!time.ok) errors.push({ line, column: "submittedAt", message: time.message });
    const channel = r.channel ? channelFromText(r.channel) : undefined;
    if (r.channel && !channel) errors.push({ line, column: "channel", message: `"${clip(r.channel)}" is not a channel (web, mobile app, chat, phone, email, text, social, store, mail, other).` });
    if (errors.length > 0 || !touchpointId || !time.ok) return { ok: false, errors };
    return {
      ok: true,
      row: {
        externalId: r.externalId,
        touchpointId,
        submittedAt: time.value,
        csat: r.csat ?? null,
        nps: r.nps ?? null,
        ces: r.ces ?? null,
        comment: r.comment || null,
        channel: channel ?? null,
        segment: r.segment ?? {},
      },
    };
  };
}
