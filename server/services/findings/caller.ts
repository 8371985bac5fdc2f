// Who works on findings: a person (through the app, with a role) or an API key (an issue
// tracker or BI tool through the REST API). Keys act for the whole organization — their
// scopes, not a role, decide what they may do — and are recorded as themselves in the history.
import type { Actor, OrgContext } from "../context";

export type ApiKeyCaller = { orgId: string; actor: Extract<Actor, { kind: "api_key" }> };
export type FindingsCaller = OrgContext | ApiKeyCaller;

export const isPerson = (caller: FindingsCaller): caller is OrgContext => !("actor" in caller);

export const actorOf = (caller: FindingsCaller): Actor => (isPerson(caller) ? { kind: "user", userId: caller.userId } : caller.actor);

/** The person's user id, or null for a key. */
export const userIdOf = (caller: FindingsCaller): string | null => (isPerson(caller) ? caller.userId : null);
