"use client";
// The bell in the header of an organization: how many mentions are unread (polled every 30
// seconds), the latest ones in a panel, and opening one where it was written. The full list
// at /o/<slug>/notifications reuses the entry and the actions defined here.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { cn } from "@/lib/cn";
import { initials } from "@/lib/format";
import { BellIcon, CheckIcon } from "../icons";
import { Menu } from "../ui/menu";
import { RelativeTime } from "../ui/relative-time";
import { useToast } from "../ui/toast";

const POLL_MS = 30_000;
const PANEL_LIMIT = 8;

export interface NotificationEntryData {
  id: string;
  kind: string;
  createdAt: Date;
  readAt: Date | null;
  actorName: string | null;
  mapId: string | null;
  mapName: string | null;
  commentId: string | null;
  touchpointId: string | null;
  obstacleId: string | null;
  excerpt: string;
  alertId: string | null;
  findingId: string | null;
  /** Set for an alert that fired on a touchpoint of the member's team. */
  alert: { touchpointName: string } | null;
  /** Set for a finding assigned to the member, routed to their team, or near its SLA. */
  finding: { id: string; number: number; title: string } | null;
}

/** The map with its comment panel open, at the touchpoint the comment is about; an alert opens the alerts page. */
const FINDING_NOTICE_WORDS: Record<string, string> = {
  finding_assigned: "is assigned to you",
  finding_team: "landed with your team",
  finding_sla: "needs attention: its SLA clock",
};

export function notificationHref(orgSlug: string, notification: Pick<NotificationEntryData, "mapId" | "touchpointId" | "alert" | "finding">): string {
  if (notification.finding) return `/o/${orgSlug}/findings/${notification.finding.id}`;
  if (notification.alert || !notification.mapId) return `/o/${orgSlug}/dashboards/alerts`;
  const params = new URLSearchParams({ comments: "1" });
  if (notification.touchpointId) params.set("touchpoint", notification.touchpointId);
  return `/o/${orgSlug}/journeys/${notification.mapId}?${params}`;
}

/** Marking one or all as read; every list of notifications (bell and page) refetches after. */
export function useNotificationActions(orgSlug: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const options = {
    onSettled: () => queryClient.invalidateQueries(trpc.notification.list.pathFilter()),
    onError: (error: unknown) => toast.error(readError(error).message),
  };
  const markRead = useMutation(trpc.notification.markRead.mutationOptions(options));
  const markAllRead = useMutation(trpc.notification.markAllRead.mutationOptions(options));
  return {
    open: (notification: NotificationEntryData) => {
      if (!notification.readAt) markRead.mutate({ orgSlug, notificationId: notification.id });
    },
    markAllRead: () => markAllRead.mutate({ orgSlug }),
    markingAll: markAllRead.isPending,
  };
}

interface NotificationEntryProps {
  orgSlug: string;
  notification: NotificationEntryData;
  now: Date;
  onOpen: (notification: NotificationEntryData) => void;
  /** Inside the header's menu: a menu item. */
  inMenu?: boolean;
}

export function NotificationEntry({ orgSlug, notification, now, onOpen, inMenu }: NotificationEntryProps) {
  const unread = !notification.readAt;
  const actor = notification.actorName ?? "Someone";
  return (
    <Link
      href={notificationHref(orgSlug, notification)}
      role={inMenu ? "menuitem" : undefined}
      onClick={() => onOpen(notification)}
      className={cn(
        "flex items-start gap-3 py-3 text-left transition-colors focus-visible:outline-none",
        inMenu ? "px-4" : "px-5",
        unread ? "bg-indigo-50/60 hover:bg-indigo-50 focus-visible:bg-indigo-50" : "hover:bg-slate-50 focus-visible:bg-slate-50",
      )}
    >
      {notification.alert ? (
        <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-red-50 text-xs font-semibold text-red-600" aria-hidden>
          !
        </span>
      ) : (
        <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{initials(actor)}</span>
      )}
      <span className="min-w-0 flex-1">
        {notification.alert ? (
          <span className="block text-sm text-slate-700">
            Alert on <span className="font-medium text-slate-900">{notification.alert.touchpointName}</span>, which your team owns
          </span>
        ) : notification.finding && notification.kind === "finding_mention" ? (
          <span className="block text-sm text-slate-700">
            <span className="font-medium text-slate-900">{actor}</span> mentioned you on <span className="font-medium text-slate-900">F-{notification.finding.number}</span>
          </span>
        ) : notification.finding ? (
          <span className="block text-sm text-slate-700">
            <span className="font-medium text-slate-900">F-{notification.finding.number}</span> {FINDING_NOTICE_WORDS[notification.kind] ?? "changed"}
          </span>
        ) : (
          <span className="block text-sm text-slate-700">
            <span className="font-medium text-slate-900">{actor}</span> {notification.kind === "mention" ? "mentioned you on" : "commented on"}{" "}
            <span className="font-medium text-slate-900">{notification.mapName}</span>
          </span>
        )}
        <span className="mt-0.5 line-clamp-2 text-sm text-slate-500">{notification.alert || notification.finding ? notification.excerpt : `“${notification.excerpt}”`}</span>
        <RelativeTime date={notification.createdAt} now={now} className="mt-1 block text-xs text-slate-400" />
      </span>
      {unread && (
        <span className="mt-2 size-2 shrink-0 rounded-full bg-indigo-600">
          <span className="sr-only">Unread</span>
        </span>
      )}
    </Link>
  );
}

export function NotificationBell({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.notification.list.queryOptions({ orgSlug, limit: PANEL_LIMIT }, { refetchInterval: POLL_MS }));
  const actions = useNotificationActions(orgSlug);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const now = new Date();

  return (
    <Menu
      align="right"
      triggerLabel={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      triggerClassName="relative flex size-9 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
      trigger={
        <>
          <BellIcon className="size-5" />
          {unread > 0 && (
            <span className="absolute top-0.5 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-500 px-1 text-[10px] leading-none font-semibold text-white ring-2 ring-white">
              {unread > 9 ? "9+" : unread}
            </span>
          )}
        </>
      }
      className="w-96"
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-2.5">
        <p className="text-sm font-semibold text-slate-900">
          Notifications
          {unread > 0 && <span className="ml-1.5 font-normal text-slate-500">· {unread} unread</span>}
        </p>
        {unread > 0 && (
          <button
            type="button"
            role="menuitem"
            onClick={actions.markAllRead}
            disabled={actions.markingAll}
            className="inline-flex items-center gap-1 rounded text-xs font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60"
          >
            <CheckIcon className="size-3.5" /> Mark all as read
          </button>
        )}
      </div>
      {list.isPending ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">Loading…</p>
      ) : list.isError && items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">Notifications could not be loaded. They are tried again in a moment.</p>
      ) : items.length === 0 ? (
        <div className="px-6 py-8 text-center">
          <p className="text-sm font-medium text-slate-900">No mentions yet</p>
          <p className="mt-1 text-sm text-slate-500">When someone writes @your name in a comment on a journey map, it shows up here.</p>
        </div>
      ) : (
        <div className="max-h-[26rem] divide-y divide-slate-100 overflow-y-auto">
          {items.map((notification) => (
            <NotificationEntry key={notification.id} orgSlug={orgSlug} notification={notification} now={now} onOpen={actions.open} inMenu />
          ))}
        </div>
      )}
      <div className="border-t border-slate-100">
        <Link
          href={`/o/${orgSlug}/notifications`}
          role="menuitem"
          className="flex w-full justify-center px-3 pt-2.5 pb-1 text-sm font-medium text-indigo-600 hover:text-indigo-500 focus-visible:underline focus-visible:outline-none"
        >
          See all
        </Link>
      </div>
    </Menu>
  );
}
