// Survey exports uploaded from the browser's wizard (up to 200 MB, streamed: tRPC and server
// actions cap bodies at 1 MB). POST ?survey=<id>&mode=preview answers the first megabyte's
// reading and proposed mapping as JSON; mode=dry-run and mode=import stream the whole file
// into the import and answer NDJSON: {type:"progress",rows} lines, then one outcome or error.
// proxy.ts leaves this route alone (it would buffer the body), so the cross-site check and
// the security headers are applied here.
import { formatBytes, readBodyCapped, streamBodyCapped } from "@/server/http/body-limit";
import { crossOriginRefused, jsonError, payloadTooLarge } from "@/server/http/error-response";
import { authorizeOrgRequest, domainErrorResponse } from "@/server/http/org-request";
import { isSameOriginRequest, originSettingsFromEnv } from "@/server/http/same-origin";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "@/server/http/security-headers";
import { BODY_LIMITS } from "@/server/schemas/limits";
import { importUploadQuery, MAPPING_HEADER } from "@/server/schemas/survey";
import { columnMappingSchema } from "@/server/schemas/survey-mapping";
import { DomainError } from "@/server/services/errors";
import { PREVIEW_BYTES, previewExport } from "@/server/services/export-preview";
import { importResponseFile } from "@/server/services/response-imports";
import { createRequestContext } from "@/server/trpc/server";
import { importEventStream } from "@/server/http/import-events";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ orgSlug: string }> }): Promise<Response> {
  const headers = securityHeaders({ contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, production: process.env.NODE_ENV === "production" });
  if (!isSameOriginRequest(request, originSettingsFromEnv())) return crossOriginRefused(headers);
  const context = await createRequestContext();
  const access = await authorizeOrgRequest(context, (await params).orgSlug, "survey.import", headers);
  if (!access.ok) return access.response;

  const query = importUploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, "BAD_REQUEST", query.error.issues[0]?.message ?? "Bad request.", headers);
  const { survey: surveyId, mode, fileName, skipInvalid, truncated } = query.data;

  if (mode === "preview") {
    const body = await readBodyCapped(request, PREVIEW_BYTES);
    if (!body.ok) return payloadTooLarge(formatBytes(PREVIEW_BYTES), headers);
    try {
      return Response.json(await previewExport(context.db, access.org, body.bytes, { surveyId, truncated }), { headers });
    } catch (error) {
      if (error instanceof DomainError) return domainErrorResponse(error, headers);
      throw error;
    }
  }

  const mapping = parseMappingHeader(request.headers.get(MAPPING_HEADER));
  if (mapping === "invalid") return jsonError(400, "BAD_REQUEST", "The column mapping sent with the file is not valid.", headers);
  const body = streamBodyCapped(request, BODY_LIMITS.surveyUpload);
  if (!body.ok) return payloadTooLarge(formatBytes(BODY_LIMITS.surveyUpload), headers);

  const stream = importEventStream(async (progress) =>
    importResponseFile(context.db, { orgId: access.org.orgId, actor: { kind: "user", userId: access.org.userId } }, body.chunks, {
      surveyId,
      fileName: fileName ?? null,
      source: "upload",
      skipInvalid,
      mapping: mapping ?? undefined,
      saveMapping: mode === "import",
      dryRun: mode === "dry-run",
      onProgress: progress,
    }),
  );
  // no-transform: a compressing server would hold the progress lines back until it has a block.
  return new Response(stream, { headers: { ...headers, "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform" } });
}

function parseMappingHeader(value: string | null) {
  if (value === null) return null;
  try {
    const parsed = columnMappingSchema.safeParse(JSON.parse(decodeURIComponent(value)));
    return parsed.success ? parsed.data : "invalid";
  } catch {
    return "invalid";
  }
}
