// API keys as people create them in Settings (and the operator CLI): a name, the scopes the
// key may use, an optional lifetime. A leaf: the settings form validates with the same schema.
import { z } from "zod";
import { idSchema, orgScoped } from "./common";
import { requiredText } from "./limits";

/** What a key may do; each REST route needs one (server/http/rest-routes.ts). */
export const API_KEY_SCOPES = ["responses:write", "stats:read", "findings:read", "findings:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  "responses:write": "Send survey responses",
  "stats:read": "Read touchpoints and figures",
  "findings:read": "Read findings",
  "findings:write": "Create and update findings",
};

export const API_KEY_NAME_MAX = 80;
export const API_KEY_MAX_EXPIRY_DAYS = 3650;

export const apiKeyFields = z.object({
  name: requiredText(API_KEY_NAME_MAX, "Give the key a name, e.g. the tool that will use it."),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, "Unknown scope."))
    .min(1, "Choose at least one scope.")
    .max(API_KEY_SCOPES.length, `At most ${API_KEY_SCOPES.length} scopes.`)
    .refine((scopes) => new Set(scopes).size === scopes.length, "A scope is listed twice."),
  /** null: the key never expires. */
  expiresInDays: z
    .number("Enter a number of days.")
    .int("Whole days only.")
    .min(1, "At least one day.")
    .max(API_KEY_MAX_EXPIRY_DAYS, `At most ${API_KEY_MAX_EXPIRY_DAYS} days.`)
    .nullable()
    .default(null),
});
export type ApiKeyFields = z.input<typeof apiKeyFields>;

export const createApiKeyInput = orgScoped.extend(apiKeyFields.shape);
export const revokeApiKeyInput = orgScoped.extend({ apiKeyId: idSchema });
