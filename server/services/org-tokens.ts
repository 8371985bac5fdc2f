// Secret links that belong to one organization (invitations, share links). The token starts
// with the organization id, so a link is resolved inside that organization's tenant context
// (no global token table); only a sha256 of the whole token is stored.
import { createHash, randomBytes } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token for the organization: shown once, stored only as its hash. */
export function newOrgToken(orgId: string): { token: string; tokenHash: string } {
  const token = `${orgId}.${randomBytes(24).toString("base64url")}`;
  return { token, tokenHash: hashToken(token) };
}

/** The organization a token claims to belong to, or null for anything malformed. The hash lookup inside that organization decides whether it is real. */
export function orgIdOfToken(token: string): string | null {
  const [orgId, secret] = token.split(".");
  if (!orgId || !secret || !UUID.test(orgId) || secret.length < 20) return null;
  return orgId;
}
