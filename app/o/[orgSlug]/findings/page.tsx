import type { Metadata } from "next";
import { FlagIcon } from "@/app/_components/icons";
import { UpcomingSection } from "../_components/upcoming-section";
import type { OrgPageProps } from "../_lib/org";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  return (
    <UpcomingSection
      title="Findings"
      description="Obstacles customers hit, routed to the team that can fix them."
      icon={FlagIcon}
      emptyTitle="No findings yet"
      emptyBody="Findings arrive in a later release: each one names a problem at a touchpoint, the evidence behind it and the team responsible for fixing it. Set up your teams now so findings can be routed to them."
      features={[
        "Severity, status and due date per finding",
        "Survey responses linked as evidence",
        "Routing rules that assign the right team",
        "A history of every change until the fix is proven",
      ]}
      action={{ label: "Set up teams", href: `/o/${orgSlug}/settings/teams` }}
    />
  );
}
