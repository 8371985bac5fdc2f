// What every org-scoped service call receives: which organization, and who acts with
// which role (read from the database for this request, never from the session).
import type { Role } from "@/db/constants";

export interface OrgContext {
  orgId: string;
  userId: string;
  role: Role;
}
