// Dashboards → one touchpoint: its figures against the compared period, the trend, how the
// scores are spread (CSAT, NPS, CES), the volume, who answered (by segment and by the channel
// the response came through), and what customers wrote, lowest scores first.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { buttonClasses } from "@/app/_components/ui/button";
import { CHANNEL_LABELS, type Channel } from "@/db/journey-constants";
import { can } from "@/server/auth/permissions";
import { idSchema } from "@/server/schemas/common";
import { dashboardFiltersToQuery, type DashboardFilters } from "@/server/schemas/dashboard";
import { serverApi } from "@/server/trpc/server";
import { getOrg } from "../../../_lib/org";
import { AnsweredBy } from "../../_components/answered-by";
import { BreakdownTable, SegmentBreakdown } from "../../_components/breakdown-table";
import { DashboardFrame } from "../../_components/dashboard-frame";
import { DashboardProblem, NoResponses } from "../../_components/dashboard-states";
import { DistributionChart } from "../../_components/distribution-chart";
import { MetricTiles } from "../../_components/metric-tiles";
import { NpsBreakdown } from "../../_components/nps-breakdown";
import { TouchpointComments } from "../../_components/touchpoint-comments";
import { TrendChart } from "../../_components/trend-chart";
import { VolumeChart } from "../../_components/volume-chart";
import { dashboardData, filtersOf, isFiltered } from "../../_lib/data";
import { withFilters } from "../../_lib/links";
import { dashboardFrame } from "../../_lib/options";
import { responseChannelsView, scoreBarsView, segmentsView, tilesView, trendView, type DashboardOutputs } from "../../_lib/view";

type Props = { params: Promise<{ orgSlug: string; touchpointId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The touchpoint's figures, read once per request for both the page and its title. */
const loadTouchpoint = cache(async (orgSlug: string, touchpointId: string, query: string) => {
  // A malformed id in the address is a page that does not exist, not a view that failed.
  if (!idSchema.safeParse(touchpointId).success) notFound();
  const { filters } = filtersOf(new URLSearchParams(query));
  const api = await serverApi();
  return dashboardData(api.dashboard.touchpoint({ orgSlug, touchpointId, filters }), `/o/${orgSlug}/dashboards/touchpoints/${touchpointId}`);
});

const queryKey = (filters: DashboardFilters) => dashboardFiltersToQuery(filters).toString();

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { orgSlug, touchpointId } = await params;
  const loaded = await loadTouchpoint(orgSlug, touchpointId, queryKey(filtersOf(await searchParams).filters));
  return { title: loaded.ok ? `${loaded.data.touchpoint.name} · Dashboards` : "Touchpoint · Dashboards" };
}

export default async function TouchpointDashboardPage({ params, searchParams }: Props) {
  const { orgSlug, touchpointId } = await params;
  const { filters, problem } = filtersOf(await searchParams);
  const base = `/o/${orgSlug}/dashboards`;
  const path = `${base}/touchpoints/${touchpointId}`;
  const api = await serverApi();
  const org = await getOrg(orgSlug);
  const { loaded, frame } = await dashboardFrame(api, { orgSlug, path, filters, problem, figures: loadTouchpoint(orgSlug, touchpointId, queryKey(filters)) });
  const data = loaded.ok ? loaded.data : null;
  const tp = data?.touchpoint;

  return (
    <DashboardFrame
      {...frame}
      eyebrow={tp ? `Dashboards · ${tp.map.name} · ${tp.stage.name}` : "Dashboards"}
      title={tp ? tp.name : "Touchpoint"}
      description={tp ? `Channel: ${CHANNEL_LABELS[tp.channel as Channel] ?? tp.channel}. How customers rate it, how that moves, who answers, and what they write.` : "How customers rate this touchpoint."}
      actions={
        <div className="flex flex-col items-end gap-2">
          <Link href={withFilters(base, filters)} className={buttonClasses("secondary", "sm")}>
            ← All touchpoints
          </Link>
          {data && <AnsweredBy path={data.answeredBy} timeZone={data.period.timeZone} />}
        </div>
      }
    >
      {!loaded.ok ? (
        <DashboardProblem message={loaded.message} />
      ) : loaded.data.tiles.responses.current === 0 ? (
        <NoResponses orgSlug={orgSlug} filtered={isFiltered(filters)} />
      ) : (
        <TouchpointFigures data={loaded.data} orgSlug={orgSlug} filters={filters} canAddToFinding={can(org.role, "finding.edit")} />
      )}
    </DashboardFrame>
  );
}

function TouchpointFigures({ data, orgSlug, filters, canAddToFinding }: { data: DashboardOutputs["touchpoint"]; orgSlug: string; filters: DashboardFilters; canAddToFinding: boolean }) {
  const { granularity, timeZone } = data.period;
  return (
    <>
      <MetricTiles tiles={tilesView(data.tiles)} period={data.period} />
      <TrendChart title="Trend" points={trendView(data.trend)} granularity={granularity} metrics={["csatPct", "nps", "cesMean"]} />
      <div className="grid gap-5 lg:grid-cols-2">
        <DistributionChart title="CSAT scores" description="How many answered each score, 1 (very unsatisfied) to 5 (very satisfied); CSAT % counts 4 and 5" axisLabel="CSAT score" bars={scoreBarsView("csat", data.distributions.csat)} />
        <NpsBreakdown nps={data.tiles.nps.current} {...data.nps} />
        <DistributionChart title="NPS answers, 0 to 10" description="How likely to recommend, 0 (not at all) to 10 (extremely)" axisLabel="NPS answer" bars={scoreBarsView("nps", data.distributions.nps)} />
        <DistributionChart title="CES scores" description="How easy it was, 1 (very hard) to 7 (very easy)" axisLabel="CES score" bars={scoreBarsView("ces", data.distributions.ces)} />
        <VolumeChart points={data.trend.map((p) => ({ bucket: p.bucket, responses: p.figures.responses }))} granularity={granularity} />
        <BreakdownTable title="By response channel" description="The channel each response came through, as the survey recorded it." dimension="Channel" rows={responseChannelsView(data.responseChannels)} />
      </div>
      <SegmentBreakdown segments={segmentsView(data.segments)} />
      <TouchpointComments orgSlug={orgSlug} touchpointId={data.touchpoint.id} filters={filters} timeZone={timeZone} canAddToFinding={canAddToFinding} />
    </>
  );
}
