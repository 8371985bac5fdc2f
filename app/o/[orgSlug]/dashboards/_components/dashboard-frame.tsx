// The frame of every dashboard screen: its title, the tabs between the screens (which keep the
// filters), the filter bar, and a note when the address held filters that did not parse.
import type { ReactNode } from "react";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { cn } from "@/lib/cn";
import { dashboardFiltersToQuery, type DashboardFilters } from "@/server/schemas/dashboard";
import type { FilterOptions } from "../_lib/view";
import { FilterProblem } from "./dashboard-states";
import { FilterBar } from "./filter-bar";

export const DASHBOARD_TABS = [
  { id: "overview", label: "Overview", path: "" },
  { id: "stuck", label: "Where customers get stuck", path: "/stuck" },
  { id: "channels", label: "Channels", path: "/channels" },
] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number]["id"];

interface DashboardFrameProps {
  orgSlug: string;
  /** The screen's tab; a touchpoint page has none and shows its own heading. */
  tab?: DashboardTab;
  title: string;
  eyebrow?: string;
  description: ReactNode;
  actions?: ReactNode;
  /** The path the filter bar writes its query to. */
  path: string;
  filters: DashboardFilters;
  problem: string | null;
  options: FilterOptions;
  period: { from: string; to: string };
  today: string;
  timeControls?: boolean;
  children: ReactNode;
}

export function DashboardFrame({ orgSlug, tab, title, eyebrow = "Dashboards", description, actions, path, filters, problem, options, period, today, timeControls, children }: DashboardFrameProps) {
  const query = dashboardFiltersToQuery(filters).toString();
  const base = `/o/${orgSlug}/dashboards`;
  return (
    <>
      <PageHeader eyebrow={eyebrow} title={title} description={description} actions={actions} />
      {tab && (
        <nav aria-label="Dashboard screens" className="-mt-2 mb-4 overflow-x-auto border-b border-slate-200">
          <ul className="flex gap-5 text-sm font-medium whitespace-nowrap">
            {DASHBOARD_TABS.map((t) => (
              <li key={t.id}>
                <Link
                  href={`${base}${t.path}${query ? `?${query}` : ""}`}
                  aria-current={t.id === tab ? "page" : undefined}
                  className={cn("-mb-px inline-block border-b-2 px-0.5 pb-2.5", t.id === tab ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:text-slate-800")}
                >
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {problem && <FilterProblem message={problem} />}
      <FilterBar path={path} filters={filters} options={options} period={period} today={today} timeControls={timeControls} />
      <div className="mt-5 space-y-5">{children}</div>
    </>
  );
}
