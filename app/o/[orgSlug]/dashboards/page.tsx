import type { Metadata } from "next";
import { ChartIcon } from "@/app/_components/icons";
import { UpcomingSection } from "../_components/upcoming-section";
import type { OrgPageProps } from "../_lib/org";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  return (
    <UpcomingSection
      title="Dashboards"
      description="Satisfaction per touchpoint over time, so you see where customers struggle."
      icon={ChartIcon}
      emptyTitle="Nothing to chart yet"
      emptyBody="Dashboards fill in once journeys are mapped and survey responses are imported. They will show how each touchpoint scores and how that changes week by week."
      features={[
        "Scores per stage and touchpoint",
        "Trends by week and month",
        "Comparison between customer segments",
        "Drill-down to the responses behind a number",
      ]}
      action={{ label: "See what journeys will hold", href: `/o/${orgSlug}/journeys` }}
    />
  );
}
