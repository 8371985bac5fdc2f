// Responses: every survey response of the organization, newest first, filtered by the URL's
// query (so a filtered view can be bookmarked and shared), 50 a page, and the same rows as CSV.
import type { Metadata } from "next";
import Link from "next/link";
import { MessageIcon } from "@/app/_components/icons";
import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormAlert } from "@/app/_components/ui/field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { orPageError } from "@/app/_lib/page-data";
import { can } from "@/server/auth/permissions";
import { filtersFromQuery, filtersToQuery } from "@/server/schemas/responses";
import { serverApi } from "@/server/trpc/server";
import { getOrg } from "../../_lib/org";
import { ResponseFilters } from "./_components/response-filters";
import { ResponsesTable } from "./_components/responses-table";

export const metadata: Metadata = { title: "Responses" };

const PAGE_SIZE = 50;

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResponsesPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const org = await getOrg(orgSlug);
  const path = `/o/${org.slug}/surveys/responses`;
  const parsed = filtersFromQuery(query);
  const filters = parsed.success ? parsed.data : {};
  const cursor = typeof query.cursor === "string" ? query.cursor : undefined;
  const api = await serverApi();
  const [options, page] = await Promise.all([
    orPageError(api.response.filterOptions({ orgSlug }), path),
    orPageError(api.response.list({ orgSlug, filters, cursor, limit: PAGE_SIZE }), path),
  ]);
  const filterQuery = filtersToQuery(filters);
  const filtered = filterQuery.size > 0;
  const withQuery = (base: string, extra?: Record<string, string>) => {
    const q = new URLSearchParams(filterQuery);
    for (const [k, v] of Object.entries(extra ?? {})) q.set(k, v);
    return q.size > 0 ? `${base}?${q}` : base;
  };

  return (
    <>
      <PageHeader
        eyebrow="Surveys"
        title="Responses"
        description={
          can(org.role, "finding.edit")
            ? "Every answer your surveys brought in, tied to the touchpoint it is about. Filter, read the comments, tick the ones that show a problem and add them to a finding."
            : "Every answer your surveys brought in, tied to the touchpoint it is about. Filter, read the comments, and export what you see."
        }
        actions={
          <>
            <Link href={`/o/${org.slug}/surveys`} className={buttonClasses("ghost", "sm")}>
              All surveys
            </Link>
            <a href={withQuery(`${path}/export`)} className={buttonClasses("secondary", "sm")} download>
              Export CSV
            </a>
          </>
        }
      />
      <Card className="mb-4 p-3 sm:p-5">
        {!parsed.success && <FormAlert>{`Some filters in the address were not understood and are ignored: ${parsed.error.issues[0]?.message}`}</FormAlert>}
        <ResponseFilters path={path} filters={filters} options={options} />
      </Card>
      <Card>
        {page.responses.length === 0 ? (
          <EmptyState
            icon={<MessageIcon className="size-5" />}
            title={filtered || cursor ? "No responses match these filters" : "No responses yet"}
            description={filtered || cursor ? "Widen the dates or clear a filter." : "Import a survey export, or post responses to the API, and they will be listed here."}
            className="py-12"
          />
        ) : (
          <>
            <ResponsesTable
              responses={page.responses}
              timeZone={page.timeZone}
              picking={can(org.role, "finding.edit") ? { orgSlug: org.slug, touchpointIds: Object.fromEntries(options.touchpoints.map((t) => [t.key, t.id])) } : undefined}
            />
            <nav aria-label="Pages" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm sm:px-5">
              <span className="text-slate-500">
                {page.responses.length} {page.responses.length === 1 ? "response" : "responses"} on this page · times in {page.timeZone}
              </span>
              <span className="flex gap-2">
                {cursor && (
                  <Link href={withQuery(path)} className={buttonClasses("ghost", "sm")}>
                    Newest
                  </Link>
                )}
                {page.nextCursor && (
                  <Link href={withQuery(path, { cursor: page.nextCursor })} className={buttonClasses("secondary", "sm")}>
                    Older
                  </Link>
                )}
              </span>
            </nav>
          </>
        )}
      </Card>
    </>
  );
}
