// Dashboards → Channels: each stage of the journey compared across the channels its touchpoints
// are on (web vs phone vs chat vs store …).
import type { Metadata } from "next";
import { serverApi } from "@/server/trpc/server";
import { AnsweredBy } from "../_components/answered-by";
import { ChannelComparison } from "../_components/channel-comparison";
import { DashboardFrame } from "../_components/dashboard-frame";
import { DashboardProblem, NoResponses } from "../_components/dashboard-states";
import { dashboardData, filtersOf, isFiltered, type DashboardPageProps } from "../_lib/data";
import { dashboardFrame } from "../_lib/options";
import { channelStagesView } from "../_lib/view";

export const metadata: Metadata = { title: "Channels · Dashboards" };

export default async function ChannelsPage({ params, searchParams }: DashboardPageProps) {
  const { orgSlug } = await params;
  const { filters, problem } = filtersOf(await searchParams);
  const path = `/o/${orgSlug}/dashboards/channels`;
  const api = await serverApi();
  const { loaded, frame } = await dashboardFrame(api, { orgSlug, path, filters, problem, figures: dashboardData(api.dashboard.channels({ orgSlug, filters }), path) });
  const answered = loaded.ok && loaded.data.stages.some((s) => s.channels.some((c) => c.figures.responses > 0));

  return (
    <DashboardFrame
      {...frame}
      tab="channels"
      title="Channel comparison"
      description="The same stage of the journey across the channels customers use: where phone does worse than chat, or the store better than the web."
      actions={loaded.ok ? <AnsweredBy path={loaded.data.answeredBy} timeZone={loaded.data.period.timeZone} /> : undefined}
      timeControls={false}
    >
      {!loaded.ok ? (
        <DashboardProblem message={loaded.message} />
      ) : !answered ? (
        <NoResponses orgSlug={orgSlug} filtered={isFiltered(filters)} />
      ) : (
        <ChannelComparison stages={channelStagesView(loaded.data)} channels={loaded.data.channels} />
      )}
    </DashboardFrame>
  );
}
