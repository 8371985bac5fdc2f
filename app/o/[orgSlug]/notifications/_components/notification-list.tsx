"use client";
// Every recent notification of the member (up to 100), kept in step with the header's bell:
// opening one or marking all as read updates both.
import { useQuery } from "@tanstack/react-query";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/lib/trpc";
import { BellIcon, CheckIcon } from "@/app/_components/icons";
import { NotificationEntry, useNotificationActions, type NotificationEntryData } from "@/app/_components/shell/notification-bell";
import { Button } from "@/app/_components/ui/button";
import { Card, CardHeader } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { TurnIntoFinding } from "../../dashboards/alerts/_components/turn-into-finding";

interface NotificationListProps {
  orgSlug: string;
  /** How many the page shows; the same query as the server's, so the data is shared. */
  limit: number;
  initial: { items: NotificationEntryData[]; unread: number };
  /** Members and above turn a fired alert into a finding from its notification. */
  canMakeFindings: boolean;
}

export function NotificationList({ orgSlug, limit, initial, canMakeFindings }: NotificationListProps) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.notification.list.queryOptions({ orgSlug, limit }, { initialData: initial, refetchInterval: 30_000 }));
  const actions = useNotificationActions(orgSlug);
  const { items, unread } = data;
  const now = new Date();

  if (items.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<BellIcon className="size-5" />}
          title="No notifications yet"
          description="When someone mentions you in a comment on a journey map — by writing @ and your name — it shows up here and on the bell at the top of every page."
          className="py-12"
        />
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader
        title={unread > 0 ? `${unread} unread` : "All caught up"}
        description={items.length >= limit ? `The latest ${limit}. Older notifications are not shown.` : undefined}
        actions={
          unread > 0 && (
            <Button variant="secondary" size="sm" pending={actions.markingAll} onClick={actions.markAllRead}>
              <CheckIcon /> Mark all as read
            </Button>
          )
        }
      />
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-b-lg">
        {items.map((notification) => (
          <li key={notification.id}>
            <NotificationEntry orgSlug={orgSlug} notification={notification} now={now} onOpen={actions.open} />
            {canMakeFindings && notification.alert && notification.alertId && (
              // Beside the entry's link, not inside it: a button cannot live in a link.
              <div className={cn("px-5 pb-3 pl-16", !notification.readAt && "bg-indigo-50/60")}>
                <TurnIntoFinding orgSlug={orgSlug} alertId={notification.alertId} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
