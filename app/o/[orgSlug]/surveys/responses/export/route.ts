// The responses explorer's filtered rows as a CSV download, streamed page by page. Access is
// checked as the response.list procedure checks it (orgRouteAccess).
import { orgRouteAccess } from "@/server/http/org-route-access";
import { jsonError } from "@/server/http/error-response";
import { getDb } from "@/server/db";
import { filtersFromQuery } from "@/server/schemas/responses";
import { responsesCsv } from "@/server/services/responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }): Promise<Response> {
  const access = await orgRouteAccess((await params).orgSlug, "response.read");
  if (!access.ok) return access.response;
  const filters = filtersFromQuery(new URL(request.url).searchParams);
  if (!filters.success) return jsonError(400, "BAD_REQUEST", filters.error.issues[0]?.message ?? "Invalid filters.");
  const db = await getDb();
  const lines = responsesCsv(db, access.org, filters.data);
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
