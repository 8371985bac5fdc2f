// apikey:create — an API key for an organization, printed once on the last line (only its hash is stored).
import { API_KEY_SCOPES, apiKeyFields } from "@/server/schemas/api-keys";
import { createApiKey } from "@/server/services/api-keys";
import { checked, defineCommand, findOrganization, UsageError, withDatabase } from "./command";

export default defineCommand({
  name: "apikey:create",
  summary: "Create an API key for an organization; prints the key, once, on the last line.",
  options: {
    org: { type: "string", required: true, placeholder: "slug", description: "The organization." },
    name: { type: "string", required: true, placeholder: "name", description: "What the key is for, e.g. the tool that uses it." },
    scopes: { type: "string", required: true, placeholder: "responses:write,stats:read", description: `Comma-separated: ${API_KEY_SCOPES.join(", ")}.` },
    "expires-days": { type: "string", placeholder: "N", description: "Days until the key expires (default: never)." },
  },
  async run(values, io) {
    const days = values["expires-days"];
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError("--expires-days: a whole number of days.");
    const name = checked(apiKeyFields.shape.name, values.name, "name");
    const scopes = checked(
      apiKeyFields.shape.scopes,
      values.scopes
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      "scopes",
    );
    const expiresInDays = checked(apiKeyFields.shape.expiresInDays, days === undefined ? null : Number(days), "expires-days");
    const created = await withDatabase(async (db) => {
      const org = await findOrganization(db, values.org);
      return createApiKey(db, { orgId: org.id, actor: { kind: "system", label: "cli" } }, { name, scopes, expiresInDays });
    });
    io.out(
      `Created the API key "${created.name}" (${created.prefix}…) with ${created.scopes.join(", ")}${created.expiresAt ? `, expiring ${created.expiresAt.toISOString().slice(0, 10)}` : ", never expiring"}. It is shown only now:`,
    );
    io.out(created.key);
  },
});
