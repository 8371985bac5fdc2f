// One survey: its settings, the upload wizard (members and above) and its imports history.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/server/auth/permissions";
import { idSchema } from "@/server/schemas/common";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { ButtonLink } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg } from "../../_lib/org";
import { ImportHistory } from "../_components/import-history";
import { SurveySettings } from "../_components/survey-settings";
import { UploadWizard } from "../_components/upload-wizard";

export const metadata: Metadata = { title: "Survey" };

export default async function SurveyPage({ params }: { params: Promise<{ orgSlug: string; surveyId: string }> }) {
  const { orgSlug, surveyId } = await params;
  if (!idSchema.safeParse(surveyId).success) notFound();
  const [org, api] = await Promise.all([getOrg(orgSlug), serverApi()]);
  const path = `/o/${org.slug}/surveys/${surveyId}`;
  const [survey, history, touchpoints] = await Promise.all([
    orPageError(api.survey.get({ orgSlug, surveyId }), path),
    orPageError(api.survey.imports({ orgSlug, surveyId }), path),
    orPageError(api.survey.touchpointChoices({ orgSlug }), path),
  ]);
  const canImport = can(org.role, "survey.import");

  return (
    <>
      <PageHeader
        eyebrow="Survey"
        title={survey.name}
        description={canImport ? "Upload an export of this survey, check the mapping and every row, then import." : "This survey's imports. Members and above upload exports."}
        actions={
          <ButtonLink href={`/o/${org.slug}/surveys`} variant="secondary">
            All surveys
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <SurveySettings orgSlug={org.slug} survey={survey} touchpoints={touchpoints} canEdit={canImport} />
        {canImport && <UploadWizard orgSlug={org.slug} surveyId={survey.id} surveyName={survey.name} touchpoints={touchpoints} />}
        <ImportHistory imports={history} />
      </div>
    </>
  );
}
