// Surveys: the organization's feedback sources, how many responses each holds and how its
// last import went. Members and above create surveys and upload their exports.
import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { PlusIcon, SurveyIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { getOrg, type OrgPageProps } from "../_lib/org";
import { CreateSurvey } from "./_components/create-survey";
import { ImportStatus } from "./_components/import-status";

export const metadata: Metadata = { title: "Surveys" };

type SurveysPageProps = OrgPageProps & { searchParams: Promise<{ new?: string }> };

export default async function SurveysPage({ params, searchParams }: SurveysPageProps) {
  const { orgSlug } = await params;
  const [org, api, query] = await Promise.all([getOrg(orgSlug), serverApi(), searchParams]);
  const path = `/o/${org.slug}/surveys`;
  const canImport = can(org.role, "survey.import");
  const creating = canImport && query.new !== undefined;
  const [surveys, touchpoints] = await Promise.all([orPageError(api.survey.list({ orgSlug }), path), creating ? orPageError(api.survey.touchpointChoices({ orgSlug }), path) : []]);

  return (
    <>
      <PageHeader
        title="Surveys"
        description={
          canImport
            ? "Your feedback sources. Upload a survey tool's export into one; each response is tied to a touchpoint of your journeys."
            : "Your feedback sources and their imports. Members and above upload survey exports."
        }
        actions={
          canImport &&
          !creating && (
            <ButtonLink href={`${path}?new`}>
              <PlusIcon /> New survey
            </ButtonLink>
          )
        }
      />
      {creating && <CreateSurvey orgSlug={org.slug} touchpoints={touchpoints} closeHref={path} />}
      {surveys.length === 0 ? (
        !creating && (
          <Card>
            <EmptyState
              icon={<SurveyIcon className="size-5" />}
              title="No surveys yet"
              description="A survey is one questionnaire in your survey tool — Qualtrics, SurveyMonkey, Google Forms, Typeform or any CSV. Create one, then upload its export: Waymark reads the columns, proposes a mapping and ties every response to a touchpoint."
              className="py-12"
            />
          </Card>
        )
      ) : (
        <Card className="overflow-hidden">
          <ul aria-label="Surveys" className="divide-y divide-slate-200">
            {surveys.map((survey) => (
              <li key={survey.id} className="grid gap-2 px-4 py-4 sm:grid-cols-[1fr_auto] sm:items-center sm:px-6">
                <div className="min-w-0">
                  <Link href={`${path}/${survey.id}`} className="font-medium text-slate-900 hover:text-indigo-700">
                    {survey.name}
                  </Link>
                  <p className="mt-0.5 text-sm text-slate-500">
                    {survey.defaultTouchpointName ? `Default touchpoint: ${survey.defaultTouchpointName}` : "No default touchpoint"} · {survey.timeZone}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600 sm:justify-end">
                  <span className="tabular-nums">
                    <span className="font-semibold text-slate-900">{survey.responses.toLocaleString("en-US")}</span> responses
                  </span>
                  {survey.lastImport ? (
                    <span className="flex items-center gap-2">
                      <ImportStatus status={survey.lastImport.status} />
                      <RelativeTime date={survey.lastImport.startedAt} />
                    </span>
                  ) : (
                    <span className="text-slate-400">Never imported</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
