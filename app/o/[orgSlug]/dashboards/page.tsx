// Dashboards → Overview: the headline figures for the period with their change and its
// significance, the trend, and every touchpoint's figures. Filters come from the address.
import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { DashboardFrame } from "./_components/dashboard-frame";
import { AnsweredBy } from "./_components/answered-by";
import { DashboardProblem, NoResponses } from "./_components/dashboard-states";
import { MetricTiles } from "./_components/metric-tiles";
import { TouchpointsTable } from "./_components/touchpoints-table";
import { TrendChart } from "./_components/trend-chart";
import { dashboardData, filtersOf, isFiltered, type DashboardPageProps } from "./_lib/data";
import { withFilters } from "./_lib/links";
import { dashboardFrame } from "./_lib/options";
import { tilesView, touchpointRowsView, trendView } from "./_lib/view";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardOverviewPage({ params, searchParams }: DashboardPageProps) {
  const { orgSlug } = await params;
  const { filters, problem } = filtersOf(await searchParams);
  const path = `/o/${orgSlug}/dashboards`;
  const api = await serverApi();
  const { loaded, frame } = await dashboardFrame(api, { orgSlug, path, filters, problem, figures: dashboardData(api.dashboard.overview({ orgSlug, filters }), path) });

  return (
    <DashboardFrame
      {...frame}
      tab="overview"
      title="Satisfaction overview"
      description="How customers feel at each touchpoint, and whether it is getting better. Every figure shows its sample size; hover it for its 95% interval."
      actions={loaded.ok ? <AnsweredBy path={loaded.data.answeredBy} timeZone={loaded.data.period.timeZone} /> : undefined}
    >
      {!loaded.ok ? (
        <DashboardProblem message={loaded.message} />
      ) : loaded.data.tiles.responses.current === 0 ? (
        <NoResponses orgSlug={orgSlug} filtered={isFiltered(filters)} />
      ) : (
        <>
          <MetricTiles tiles={tilesView(loaded.data.tiles)} period={loaded.data.period} />
          <TrendChart title="Trend" points={trendView(loaded.data.trend)} granularity={loaded.data.period.granularity} />
          <TouchpointsTable rows={touchpointRowsView(loaded.data.touchpoints, (id) => withFilters(`${path}/touchpoints/${id}`, filters))} timeZone={loaded.data.period.timeZone} />
        </>
      )}
    </DashboardFrame>
  );
}
