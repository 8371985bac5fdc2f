"use client";
// The organization's alerts: firing ones first, each with its rule, the figure at the last
// check and when it fired or cleared; managers edit and delete them in place.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AlertComparison, AlertMetric, AlertState } from "@/db/alert-constants";
import { alertRuleText, formatAlertValue } from "@/lib/alert-wording";
import { plural } from "@/lib/format";
import { readError } from "@/lib/trpc-error";
import { useTRPC } from "@/lib/trpc";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { RelativeTime } from "@/app/_components/ui/relative-time";
import { useToast } from "@/app/_components/ui/toast";
import { AlertForm, type TouchpointOption } from "./alert-form";
import { TurnIntoFinding } from "./turn-into-finding";

export interface AlertItem {
  id: string;
  version: number;
  touchpointId: string;
  touchpointName: string;
  stageName: string;
  teamName: string | null;
  metric: AlertMetric;
  comparison: AlertComparison;
  threshold: number;
  windowDays: number;
  minimumAnswers: number;
  state: AlertState;
  lastValue: number | null;
  lastN: number | null;
  lastCheckedAt: Date | null;
  firedAt: Date | null;
  clearedAt: Date | null;
}

interface AlertListProps {
  orgSlug: string;
  alerts: AlertItem[];
  touchpoints: TouchpointOption[];
  canManage: boolean;
  /** Members and above turn a firing alert into a finding. */
  canMakeFindings: boolean;
}

export function AlertList({ orgSlug, alerts, touchpoints, canManage, canMakeFindings }: AlertListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const now = new Date();
  return (
    <ul className="divide-y divide-slate-100">
      {alerts.map((alert) => (
        <li key={alert.id} className="px-5 py-4">
          {editing === alert.id ? (
            <AlertForm orgSlug={orgSlug} touchpoints={touchpoints} existing={alert} onCancel={() => setEditing(null)} onDone={() => setEditing(null)} />
          ) : (
            <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
              <div className="min-w-0 flex-1 basis-64">
                <div className="flex flex-wrap items-center gap-2">
                  <p className="font-medium text-slate-900">{alert.touchpointName}</p>
                  {alert.state === "firing" ? <Badge tone="red">Firing</Badge> : <Badge tone="emerald">OK</Badge>}
                </div>
                <p className="mt-0.5 text-sm text-slate-600">{alertRuleText(alert)}</p>
                <p className="mt-0.5 text-xs text-slate-500">
                  {alert.stageName} · {alert.teamName ? `notifies ${alert.teamName}` : "no owning team: nobody is notified"}
                </p>
              </div>
              <div className="basis-48 text-sm">
                <p className="text-slate-900">
                  {alert.lastCheckedAt ? (
                    <>
                      Now {formatAlertValue(alert.metric, alert.lastValue)} <span className="text-slate-500">({plural(alert.lastN ?? 0, "answer")})</span>
                    </>
                  ) : (
                    <span className="text-slate-500">Not checked yet</span>
                  )}
                </p>
                <p className="text-xs text-slate-500">
                  {alert.state === "firing" && alert.firedAt ? (
                    <>
                      Fired <RelativeTime date={alert.firedAt} now={now} />
                    </>
                  ) : alert.clearedAt ? (
                    <>
                      Cleared <RelativeTime date={alert.clearedAt} now={now} />
                    </>
                  ) : alert.lastCheckedAt ? (
                    <>
                      Checked <RelativeTime date={alert.lastCheckedAt} now={now} />
                    </>
                  ) : null}
                </p>
              </div>
              {(canManage || (canMakeFindings && alert.state === "firing")) && (
                <div className="flex flex-wrap gap-1">
                  {canMakeFindings && alert.state === "firing" && <TurnIntoFinding orgSlug={orgSlug} alertId={alert.id} />}
                  {canManage && <AlertActions orgSlug={orgSlug} alert={alert} onEdit={() => setEditing(alert.id)} />}
                </div>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function AlertActions({ orgSlug, alert, onEdit }: { orgSlug: string; alert: AlertItem; onEdit: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const remove = useMutation(
    trpc.alert.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Alert deleted.");
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  return (
    <div className="flex gap-1">
      <Button variant="secondary" size="sm" onClick={onEdit}>
        Edit
      </Button>
      <ConfirmButton
        triggerLabel={`Delete the alert on ${alert.touchpointName}`}
        title="Delete this alert?"
        description={`${alertRuleText(alert)} on ${alert.touchpointName}. Its notifications go too.`}
        confirmLabel="Delete alert"
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ orgSlug, alertId: alert.id })}
      >
        Delete
      </ConfirmButton>
    </div>
  );
}
