// The responses explorer's filtered rows as a CSV download, streamed page by page. Access is
// checked as the response.list procedure checks it (authorizeOrgRequest, the org procedures' steps).
import { jsonError } from "@/server/http/error-response";
import { authorizeOrgRequest } from "@/server/http/org-request";
import { createRequestContext } from "@/server/trpc/server";
import { filtersFromQuery } from "@/server/schemas/responses";
import { responsesCsv } from "@/server/services/responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }): Promise<Response> {
  const context = await createRequestContext();
  const access = await authorizeOrgRequest(context, (await params).orgSlug, "response.read");
  if (!access.ok) return access.response;
  const filters = filtersFromQuery(new URL(request.url).searchParams);
  if (!filters.success) return jsonError(400, "BAD_REQUEST", filters.error.issues[0]?.message ?? "Invalid filters.");
  const lines = responsesCsv(context.db, access.org, filters.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${access.org.slug}-responses-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
