"use client";
// The endpoints: address, events, when added, how the latest delivery went; a test event, the
// delivery log and deleting (asked first). The list is server-rendered and refreshed with
// router.refresh() after a change; each log is read in the browser, a page at a time.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { ConfirmButton } from "@/app/_components/ui/confirm-dialog";
import { useToast } from "@/app/_components/ui/toast";
import { formatDate, formatRelative } from "@/lib/format";
import { readError } from "@/lib/trpc-error";
import { useTRPC } from "@/lib/trpc";
import { DeliveryLog } from "./delivery-log";
import { deliveryStatus, eventLabel } from "./webhook-events";

export interface WebhookEndpointRow {
  id: string;
  url: string;
  events: string[];
  createdAt: Date;
  lastDelivery: { status: string; responseStatus: number | null; createdAt: Date } | null;
}

export function WebhookList({ orgSlug, endpoints }: { orgSlug: string; endpoints: WebhookEndpointRow[] }) {
  return (
    <ul className="space-y-4" aria-label="Webhook endpoints">
      {endpoints.map((endpoint) => (
        <li key={endpoint.id}>
          <Endpoint orgSlug={orgSlug} endpoint={endpoint} />
        </li>
      ))}
    </ul>
  );
}

function Endpoint({ orgSlug, endpoint }: { orgSlug: string; endpoint: WebhookEndpointRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const last = endpoint.lastDelivery;
  const sendTest = useMutation(
    trpc.webhook.sendTest.mutationOptions({
      onSuccess: () => {
        toast.success("Test event queued; it shows in the delivery log.");
        setShowLog(true);
        void queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.pathKey() });
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );
  const remove = useMutation(
    trpc.webhook.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Endpoint deleted; it receives nothing more.");
        router.refresh();
      },
      onError: (error) => toast.error(readError(error).message),
    }),
  );

  return (
    <Card>
      <div className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:px-5">
        <div className="min-w-0 space-y-1.5">
          <p className="font-mono text-sm break-all text-slate-900">{endpoint.url}</p>
          <p className="flex flex-wrap gap-1">
            {endpoint.events.map((event) => (
              <Badge key={event}>{eventLabel(event)}</Badge>
            ))}
          </p>
          <p className="text-xs text-slate-500">
            Added {formatDate(endpoint.createdAt)} ·{" "}
            {last ? (
              <>
                last delivery <Badge tone={deliveryStatus(last.status).tone}>{deliveryStatus(last.status).label}</Badge>
                {last.responseStatus !== null && ` (HTTP ${last.responseStatus})`} {formatRelative(last.createdAt)}
              </>
            ) : (
              "nothing sent yet"
            )}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          <Button size="sm" variant="secondary" pending={sendTest.isPending} onClick={() => sendTest.mutate({ orgSlug, webhookId: endpoint.id })}>
            Send test event
          </Button>
          <Button size="sm" variant="ghost" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
            {showLog ? "Hide delivery log" : "Delivery log"}
          </Button>
          <ConfirmButton
            triggerVariant="danger"
            triggerLabel={`Delete the endpoint ${endpoint.url}`}
            title="Delete this endpoint?"
            description={<span className="break-all">{`${endpoint.url} receives no more events, and its delivery log is deleted with it.`}</span>}
            confirmLabel="Delete endpoint"
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ orgSlug, webhookId: endpoint.id })}
          >
            Delete
          </ConfirmButton>
        </div>
      </div>
      {showLog && <DeliveryLog orgSlug={orgSlug} webhookId={endpoint.id} />}
    </Card>
  );
}
