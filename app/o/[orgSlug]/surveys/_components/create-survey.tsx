"use client";
// "New survey" at the top of the list (`?new`); once created, straight to its upload wizard.
import { useRouter } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import type { TouchpointChoice } from "./mapping-editor";
import { SurveyForm } from "./survey-form";

export function CreateSurvey({ orgSlug, touchpoints, closeHref }: { orgSlug: string; touchpoints: TouchpointChoice[]; closeHref: string }) {
  const router = useRouter();
  return (
    <Card className="mb-6 ring-indigo-200">
      <CardHeader title="New survey" description="A feedback source — one questionnaire in your survey tool. Its exports are uploaded into it, again and again." />
      <CardBody className="py-5">
        <SurveyForm orgSlug={orgSlug} touchpoints={touchpoints} onCancel={() => router.replace(closeHref)} onDone={(survey) => router.push(`/o/${orgSlug}/surveys/${survey.id}`)} />
      </CardBody>
    </Card>
  );
}
