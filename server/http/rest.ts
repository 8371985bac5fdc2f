// The public REST API's one adapter (app/api/v1/*): the API key from the Authorization
// header (never the URL), the route's scope from REST_ROUTES, the organization's rate, then
// the route's handler with the key's organization and actor — and every error, DomainError
// or not, mapped here to a status and { error: { code, message, rows? } }.
import type { Db } from "@/db/client";
import { REST_RATE_LIMIT } from "../schemas/rest-responses";
import { authenticateApiKey } from "../services/api-keys";
import type { Actor } from "../services/context";
import { DomainError, type DomainErrorCode } from "../services/errors";
import { RateLimiter } from "../services/rate-limits";
// The app-wide handle itself (not server/db.ts, which guards server components): the start
// script's own HTTP server runs this adapter too (rest-node.ts).
import { getDb } from "../app-db";
import { BodyTooLargeError } from "./body-limit";
import { UnsupportedMediaTypeError } from "./json-body";
import { REST_ROUTES, type RestRouteName } from "./rest-routes";
import { API_CONTENT_SECURITY_POLICY, applyHeaders, securityHeaders } from "./security-headers";

export interface ApiContext {
  db: Db;
  orgId: string;
  actor: Extract<Actor, { kind: "api_key" }>;
  url: URL;
}

export type RestHandler = (request: Request, api: ApiContext) => Promise<Response>;

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
};

/** Query parameters people put keys in; a key there may already sit in a log. */
const KEY_PARAMETERS = ["key", "api_key", "apikey", "api-key", "access_token", "token"];

/** Shared by every route of this process (see server/services/rate-limits.ts for why memory). */
export const restRateLimiter = new RateLimiter(REST_RATE_LIMIT);

export function restError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

/** The one mapping of errors to REST answers; an unknown error is logged and never described. */
export function errorResponse(error: unknown, route: string): Response {
  if (error instanceof DomainError) {
    return restError(STATUS[error.code], error.code, error.message, error.fieldErrors ? { fields: error.fieldErrors } : {});
  }
  if (error instanceof BodyTooLargeError) return restError(413, "PAYLOAD_TOO_LARGE", error.message);
  if (error instanceof UnsupportedMediaTypeError) return restError(415, "UNSUPPORTED_MEDIA_TYPE", error.message);
  console.error(`REST ${route} failed`, error);
  return restError(500, "INTERNAL", "Something went wrong on our side. Please try again.");
}

export function restRoute(route: RestRouteName, handle: RestHandler): (request: Request) => Promise<Response> {
  const scope = REST_ROUTES[route];
  return async (request) => {
    const response = await answer(request, route, scope, handle);
    applyHeaders(response.headers, securityHeaders({ contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, production: process.env.NODE_ENV === "production" }));
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

async function answer(request: Request, route: string, scope: string, handle: RestHandler): Promise<Response> {
  const refuse = async (response: Response) => {
    // Nothing of a refused body is read.
    await request.body?.cancel().catch(() => {});
    return response;
  };
  try {
    const url = new URL(request.url);
    const inUrl = KEY_PARAMETERS.find((name) => url.searchParams.has(name));
    if (inUrl) {
      return refuse(
        restError(400, "KEY_IN_URL", `API keys are never accepted in the URL ("?${inUrl}="): URLs are written to logs. Send "Authorization: Bearer wmk_…" instead, and revoke a key that was sent in a URL.`),
      );
    }
    const db = await getDb();
    const key = await authenticateApiKey(db, bearerToken(request.headers.get("authorization")));
    if (!(key.scopes as string[]).includes(scope)) {
      return refuse(restError(403, "FORBIDDEN", `This API key lacks the "${scope}" scope. Create a key with it in Settings → API keys.`));
    }
    const rate = restRateLimiter.take(key.orgId);
    if (!rate.ok) {
      const response = restError(429, "RATE_LIMITED", `Too many requests for this organization. Retry after ${rate.retryAfterSeconds} s.`);
      response.headers.set("Retry-After", String(rate.retryAfterSeconds));
      return refuse(response);
    }
    return await handle(request, { db, orgId: key.orgId, actor: { kind: "api_key", apiKeyId: key.apiKeyId }, url });
  } catch (error) {
    return refuse(errorResponse(error, route));
  }
}

function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}


