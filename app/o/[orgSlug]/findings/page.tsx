// The findings board: every obstacle with an owner and a clock. Members open on their team's
// queue, managers on all findings; filters and views live in the address. Data is rendered
// here on the server and refreshed with router.refresh() after each change.
import type { Metadata } from "next";
import { FlagIcon } from "@/app/_components/icons";
import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { FormAlert } from "@/app/_components/ui/field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { orPageError } from "@/app/_lib/page-data";
import { can } from "@/server/auth/permissions";
import { findingFiltersToQuery } from "@/server/schemas/findings";
import { serverApi } from "@/server/trpc/server";
import { getOrg, type OrgPageProps } from "../_lib/org";
import { boardFiltersFromQuery, MY_QUEUE, sameFilters } from "./_lib/board-query";
import { BoardFilters } from "./_components/board-filters";
import { BoardViews } from "./_components/board-views";
import { FindingsBoard } from "./_components/findings-board";
import { NewFindingButton } from "./_components/new-finding-dialog";
import { SuggestionsPanel } from "./_components/suggestions-panel";

export const metadata: Metadata = { title: "Findings" };

type FindingsPageProps = OrgPageProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

function toSearchParams(query: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const v of [value].flat()) if (v !== undefined) params.append(name, v);
  return params;
}

export default async function FindingsPage({ params, searchParams }: FindingsPageProps) {
  const { orgSlug } = await params;
  const [org, api, query] = await Promise.all([getOrg(orgSlug), serverApi(), searchParams]);
  const path = `/o/${org.slug}/findings`;
  const { filters, error } = boardFiltersFromQuery(toSearchParams(query), org.role);
  const canEdit = can(org.role, "finding.edit");
  const canManage = can(org.role, "finding.manage");
  const [board, views, teams, members, maps, options, suggestions] = await Promise.all([
    orPageError(api.finding.list({ orgSlug, filters }), path),
    orPageError(api.finding.views({ orgSlug }), path),
    orPageError(api.team.list({ orgSlug }), path),
    orPageError(api.member.list({ orgSlug }), path),
    orPageError(api.journeyMap.list({ orgSlug }), path),
    orPageError(api.response.filterOptions({ orgSlug }), path),
    canManage ? orPageError(api.finding.suggestions({ orgSlug }), path) : [],
  ]);
  const exportQuery = findingFiltersToQuery(filters);
  const narrowed = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="Findings"
        description="Obstacles customers hit, each routed to the team that owns it, with a clock until it is answered and fixed."
        actions={
          <>
            <a href={`${path}/export${exportQuery.size ? `?${exportQuery}` : ""}`} className={buttonClasses("secondary")} download>
              Export CSV
            </a>
            {canEdit && <NewFindingButton orgSlug={org.slug} touchpoints={options.touchpoints} teams={teams} />}
          </>
        }
      />
      <div className="mb-4 space-y-3">
        <BoardViews orgSlug={org.slug} path={path} filters={filters} views={views} canManage={canManage} />
        <Card className="p-3 sm:p-4">
          {error && <FormAlert>{`Some filters in the address were not understood and are ignored: ${error}`}</FormAlert>}
          <BoardFilters path={path} filters={filters} teams={teams} people={members} maps={maps} options={options} />
        </Card>
      </div>
      {board.findings.length === 0 ? (
        <Card>
          <EmptyState
            icon={<FlagIcon className="size-5" />}
            title={sameFilters(filters, MY_QUEUE) ? "Your team's queue is clear" : narrowed ? "No findings match these filters" : "No findings yet"}
            description={
              sameFilters(filters, MY_QUEUE)
                ? "Nothing open or closed is routed to your teams. Findings appear here as soon as a rule or a touchpoint sends one your way."
                : narrowed
                  ? "Clear a filter or pick another view."
                  : "A finding is an obstacle customers hit at a touchpoint, routed to the team that fixes it. Create one, or accept a suggestion drawn from unhappy comments."
            }
            className="py-12"
          />
        </Card>
      ) : (
        <>
          {board.truncated && <FormAlert tone="info">The board shows the 500 most recently changed findings; narrow the filters to see the rest.</FormAlert>}
          <FindingsBoard orgSlug={org.slug} cards={board.findings} canEdit={canEdit} />
        </>
      )}
      {/* Below the board: the board is the daily work, suggestions the manager's occasional triage. */}
      {canManage && <SuggestionsPanel orgSlug={org.slug} suggestions={suggestions} />}
    </>
  );
}
