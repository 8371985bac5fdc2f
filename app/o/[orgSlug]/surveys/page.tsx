import type { Metadata } from "next";
import { SurveyIcon } from "@/app/_components/icons";
import { UpcomingSection } from "../_components/upcoming-section";
import type { OrgPageProps } from "../_lib/org";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  return (
    <UpcomingSection
      title="Surveys"
      description="Customer feedback, imported and tied to the touchpoint it is about."
      icon={SurveyIcon}
      emptyTitle="No survey responses yet"
      emptyBody="Survey imports arrive in a later release: you will upload CSAT, NPS and CES responses and link each one to a touchpoint of a journey. Until then, invite the colleagues who run your surveys."
      features={[
        "CSV imports with a row-by-row error report",
        "CSAT, NPS and CES on one scale per touchpoint",
        "Verbatim comments, searchable and filterable",
        "Segments such as channel, region or plan",
      ]}
      action={{ label: "Invite colleagues", href: `/o/${orgSlug}/settings/members` }}
    />
  );
}
