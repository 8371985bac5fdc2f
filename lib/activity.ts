// Turns an activity-log event into the sentence a person reads ("Maya Manager changed
// Victor Viewer's role from viewer to member"). The `data` shapes are the ones recorded by
// server/services/*; anything missing degrades to a vaguer sentence instead of failing.
export interface ActivityEvent {
  action: string;
  data: unknown;
  actorName: string | null;
}

export interface ActivitySentence {
  actor: string;
  /** The rest of the sentence, after the actor's name. */
  summary: string;
}

type Data = Record<string, unknown>;

const text = (data: Data, key: string): string | undefined => {
  const value = data[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

const quoted = (value: string | undefined, fallback: string) => (value ? `“${value}”` : fallback);

/**
 * `memberNames` resolves user ids (team.member_removed records only the id) to the names of
 * current members; a departed member reads as "a former member".
 */
export function describeActivity(event: ActivityEvent, memberNames: Record<string, string> = {}): ActivitySentence {
  const data: Data = event.data && typeof event.data === "object" ? (event.data as Data) : {};
  const actor = event.actorName ?? actorOtherThanAPerson(data) ?? "Someone";
  const person = text(data, "name") ?? text(data, "email") ?? "a member";
  const role = text(data, "role");
  const team = quoted(text(data, "team") ?? text(data, "name"), "a team");

  const summaries: Record<string, () => string> = {
    "organization.created": () => `created the organization ${quoted(text(data, "name"), "")}`.trim(),
    "organization.renamed": () => `renamed the organization to ${quoted(text(data, "name"), "a new name")}`,
    "organization.time_zone_changed": () => `set the organization’s time zone to ${text(data, "to") ?? "a new zone"}`,
    "alert.created": () => `set an alert on ${quoted(text(data, "touchpoint"), "a touchpoint")}`,
    "alert.updated": () => `changed an alert on ${quoted(text(data, "touchpoint"), "a touchpoint")}`,
    "alert.deleted": () => `deleted an alert on ${quoted(text(data, "touchpoint"), "a touchpoint")}`,
    "member.invited": () => `invited ${text(data, "email") ?? "someone"}${role ? ` as ${role}` : ""}`,
    "member.joined": () => `joined the organization${role ? ` as ${role}` : ""}`,
    "member.role_changed": () => {
      const from = text(data, "from");
      const to = text(data, "to");
      return from && to ? `changed ${person}’s role from ${from} to ${to}` : `changed ${person}’s role`;
    },
    "member.removed": () => `removed ${person} from the organization`,
    "invitation.revoked": () => `revoked the invitation for ${text(data, "email") ?? "someone"}`,
    "team.created": () => `created the team ${team}`,
    "team.updated": () => {
      const previous = text(data, "previousName");
      return previous ? `renamed the team ${quoted(previous, "")} to ${team}` : `updated the team ${team}`;
    },
    "team.deleted": () => `deleted the team ${team}`,
    "team.member_added": () => `added ${text(data, "member") ?? nameOf(data, memberNames)} to ${team}`,
    "team.member_removed": () => `removed ${nameOf(data, memberNames)} from ${team}`,
    "persona.created": () => `created the persona ${quoted(text(data, "name"), "")}`.trim(),
    "persona.updated": () => `updated the persona ${quoted(text(data, "name"), "")}`.trim(),
    "persona.deleted": () => `deleted the persona ${quoted(text(data, "name"), "")}`.trim(),
    "journey_map.created": () => `created the journey map ${quoted(text(data, "name"), "")}`.trim(),
    "journey_map.imported": () => `imported the journey map ${quoted(text(data, "name"), "")}`.trim(),
    "journey_map.deleted": () => `deleted the journey map ${quoted(text(data, "name"), "")}`.trim(),
    "journey_map.shared": () => `created a read-only share link for ${quoted(text(data, "name"), "a journey map")}`,
    "journey_map.share_revoked": () => `revoked a share link for ${quoted(text(data, "name"), "a journey map")}`,
    "api_key.created": () => `created the API key ${quoted(text(data, "name"), "")}`.trim(),
    "api_key.revoked": () => `revoked the API key ${quoted(text(data, "name"), "")}`.trim(),
    "organization.findings_visibility_changed": () =>
      text(data, "visibility") === "team" ? "let members see only their own teams' findings" : "let everyone see every finding",
    "responses.imported": () => {
      const inserted = typeof data.inserted === "number" ? data.inserted : null;
      const what = inserted === null ? "survey responses" : `${inserted.toLocaleString("en-US")} ${inserted === 1 ? "response" : "responses"}`;
      return `imported ${what} into ${quoted(text(data, "survey"), "a survey")}`;
    },
  };
  const summary = summaries[event.action]?.() ?? `did something (${event.action})`;
  return { actor, summary };
}

/** Events by an API key or the system name it in their data (server/services/audit.ts). */
function actorOtherThanAPerson(data: Data): string | undefined {
  const keyName = text(data, "apiKeyName");
  if (keyName) return `API key ${quoted(keyName, "")}`;
  if (text(data, "apiKeyId")) return "A deleted API key";
  const via = text(data, "via");
  if (via === "cli") return "The operator CLI";
  return via ? `Waymark (${via})` : undefined;
}

function nameOf(data: Data, memberNames: Record<string, string>): string {
  const userId = text(data, "userId");
  return (userId && memberNames[userId]) || "a former member";
}
