// Dashboards → Where customers get stuck: the touchpoints that pull the journey's satisfaction
// down the most, ranked by impact, with their worst comments one click away.
import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { AnsweredBy } from "../_components/answered-by";
import { DashboardFrame } from "../_components/dashboard-frame";
import { DashboardProblem, NoResponses } from "../_components/dashboard-states";
import { StuckList } from "../_components/stuck-list";
import { dashboardData, filtersOf, isFiltered, type DashboardPageProps } from "../_lib/data";
import { withFilters } from "../_lib/links";
import { dashboardFrame } from "../_lib/options";
import { stuckRowsView } from "../_lib/view";

export const metadata: Metadata = { title: "Where customers get stuck · Dashboards" };

export default async function StuckPage({ params, searchParams }: DashboardPageProps) {
  const { orgSlug } = await params;
  const { filters, problem } = filtersOf(await searchParams);
  const base = `/o/${orgSlug}/dashboards`;
  const path = `${base}/stuck`;
  const api = await serverApi();
  const { loaded, frame } = await dashboardFrame(api, { orgSlug, path, filters, problem, figures: dashboardData(api.dashboard.stuck({ orgSlug, filters }), path) });

  return (
    <DashboardFrame
      {...frame}
      tab="stuck"
      title="Where customers get stuck"
      description="The touchpoints scoring below the journey's average, ranked by what they cost it: how far below they score, weighted by how many customers answer about them."
      actions={loaded.ok ? <AnsweredBy path={loaded.data.answeredBy} timeZone={loaded.data.period.timeZone} /> : undefined}
      timeControls={false}
    >
      {!loaded.ok ? (
        <DashboardProblem message={loaded.message} />
      ) : loaded.data.journeyCsatPct === null ? (
        <NoResponses orgSlug={orgSlug} filtered={isFiltered(filters)} />
      ) : loaded.data.touchpoints.length === 0 ? (
        <DashboardProblem message="No touchpoint scores below the journey's average in this view." />
      ) : (
        <StuckList rows={stuckRowsView(loaded.data, orgSlug, (id) => withFilters(`${base}/touchpoints/${id}`, filters))} average={loaded.data.journeyCsatPct} />
      )}
    </DashboardFrame>
  );
}
