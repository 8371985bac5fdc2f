"use client";
// The survey's settings on its page: shown as facts, edited in place.
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import type { TouchpointChoice } from "./mapping-editor";
import { SurveyForm, type SurveyValues } from "./survey-form";

export function SurveySettings({
  orgSlug,
  survey,
  touchpoints,
  canEdit,
}: {
  orgSlug: string;
  survey: SurveyValues & { id: string; version: number };
  touchpoints: TouchpointChoice[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const defaultTouchpoint = touchpoints.find((t) => t.id === survey.defaultTouchpointId);
  return (
    <Card>
      <CardHeader
        title="Settings"
        actions={
          canEdit &&
          !editing && (
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )
        }
      />
      <CardBody className="py-4">
        {editing ? (
          <SurveyForm key={survey.version} orgSlug={orgSlug} touchpoints={touchpoints} existing={survey} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
        ) : (
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">{survey.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Default touchpoint</dt>
              <dd className="font-medium text-slate-900">{defaultTouchpoint ? `${defaultTouchpoint.name} (${defaultTouchpoint.group})` : "None"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Time zone</dt>
              <dd className="font-medium text-slate-900">{survey.timeZone}</dd>
            </div>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
