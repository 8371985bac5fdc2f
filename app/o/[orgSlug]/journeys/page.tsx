import type { Metadata } from "next";
import { RouteIcon } from "@/app/_components/icons";
import { UpcomingSection } from "../_components/upcoming-section";
import type { OrgPageProps } from "../_lib/org";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  return (
    <UpcomingSection
      title="Journeys"
      description="The path your customers take, stage by stage, touchpoint by touchpoint."
      icon={RouteIcon}
      emptyTitle="Journey mapping arrives in the next release"
      emptyBody="You will map each stage of the customer journey and the touchpoints within it, and give every touchpoint an owning team. Make sure your teams reflect who owns what, so touchpoints can be assigned from day one."
      features={[
        "Stages and touchpoints on each channel",
        "An owning team for every touchpoint",
        "Personas to map journeys per customer type",
        "Obstacles and comments on each step",
      ]}
      action={{ label: "Review teams", href: `/o/${orgSlug}/settings/teams` }}
    />
  );
}
