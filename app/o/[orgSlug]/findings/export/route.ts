// The findings board's filtered cards as a CSV download; access checked as finding.list checks it.
import { jsonError } from "@/server/http/error-response";
import { authorizeOrgRequest } from "@/server/http/org-request";
import { findingFiltersFromQuery } from "@/server/schemas/findings";
import { findingsCsv } from "@/server/services/findings/export";
import { createRequestContext } from "@/server/trpc/server";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }): Promise<Response> {
  const context = await createRequestContext();
  const access = await authorizeOrgRequest(context, (await params).orgSlug, "finding.read");
  if (!access.ok) return access.response;
  const filters = findingFiltersFromQuery(new URL(request.url).searchParams);
  if (!filters.success) return jsonError(400, "BAD_REQUEST", filters.error.issues[0]?.message ?? "Invalid filters.");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await findingsCsv(context.db, access.org, filters.data), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${access.org.slug}-findings-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
