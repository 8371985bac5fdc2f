"use client";
// The organization's left navigation; the current section is highlighted.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType } from "react";
import { can, type Permission } from "@/server/auth/permissions";
import { cn } from "@/lib/cn";
import { ArrowRightIcon, BuildingIcon, ChartIcon, ClockIcon, FlagIcon, HomeIcon, LockIcon, PersonaIcon, RouteIcon, SurveyIcon, TeamsIcon, UsersIcon } from "@/app/_components/icons";

interface NavItem {
  label: string;
  /** Path below /o/<slug>; "" is the overview. */
  path: string;
  icon: ComponentType<{ className?: string }>;
  /** Listed only for roles that have it (the page itself still checks). */
  permission?: Permission;
}

const WORKSPACE: NavItem[] = [
  { label: "Overview", path: "", icon: HomeIcon },
  { label: "Journeys", path: "/journeys", icon: RouteIcon },
  { label: "Personas", path: "/personas", icon: PersonaIcon },
  { label: "Surveys", path: "/surveys", icon: SurveyIcon },
  { label: "Dashboards", path: "/dashboards", icon: ChartIcon },
  { label: "Findings", path: "/findings", icon: FlagIcon },
];

const SETTINGS: NavItem[] = [
  { label: "Members", path: "/settings/members", icon: UsersIcon },
  { label: "Teams", path: "/settings/teams", icon: TeamsIcon },
  { label: "Findings", path: "/settings/findings", icon: FlagIcon },
  { label: "Activity", path: "/settings/activity", icon: ClockIcon },
  { label: "API keys", path: "/settings/api-keys", icon: LockIcon },
  { label: "Webhooks", path: "/settings/webhooks", icon: ArrowRightIcon, permission: "webhook.manage" },
  { label: "Background jobs", path: "/settings/jobs", icon: ClockIcon },
  { label: "Organization", path: "/settings", icon: BuildingIcon },
];

export function SideNav({ orgSlug, role }: { orgSlug: string; role: string }) {
  const pathname = usePathname();
  const base = `/o/${orgSlug}`;
  // Exact match for the overview and the organization settings, whose paths prefix others.
  const isCurrent = (item: NavItem) =>
    item.path === "" || item.path === "/settings" ? pathname === base + item.path : pathname.startsWith(base + item.path);

  const renderItem = (item: NavItem) => {
    const current = isCurrent(item);
    const Icon = item.icon;
    return (
      <li key={item.label}>
        <Link
          href={base + item.path}
          aria-current={current ? "page" : undefined}
          className={cn(
            "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
            current ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          <Icon className={cn("size-4", current ? "text-indigo-600" : "text-slate-400")} />
          {item.label}
        </Link>
      </li>
    );
  };

  return (
    <nav aria-label="Organization" className="space-y-6">
      <ul className="space-y-0.5">{WORKSPACE.map(renderItem)}</ul>
      <div>
        <p className="mb-1.5 px-2.5 text-xs font-semibold tracking-wide text-slate-400 uppercase">Settings</p>
        <ul className="space-y-0.5">{SETTINGS.filter((item) => !item.permission || can(role, item.permission)).map(renderItem)}</ul>
      </div>
    </nav>
  );
}
