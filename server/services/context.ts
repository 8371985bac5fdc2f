// What every org-scoped service call receives: which organization, and who acts with
// which role (read from the database for this request, never from the session).
import type { Role } from "@/db/constants";

export interface OrgContext {
  orgId: string;
  userId: string;
  role: Role;
}

/**
 * Who makes a service call that is not a person's click: imports and API calls also come
 * from API keys and from the operator CLI (the system). Recorded on imports and in the audit log.
 */
export type Actor =
  | { kind: "user"; userId: string }
  | { kind: "api_key"; apiKeyId: string }
  | { kind: "system"; label: string };
