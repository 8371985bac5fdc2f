// Overview: the organization at a glance and what to do next.
import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/db/constants";
import { can } from "@/server/auth/permissions";
import { ArrowRightIcon, RouteIcon, TeamsIcon, UsersIcon } from "@/app/_components/icons";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { orPageError } from "@/app/_lib/page-data";
import { formatDate, plural } from "@/lib/format";
import { serverApi } from "@/server/trpc/server";
import { getOrg, getViewer, type OrgPageProps } from "../_lib/org";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const [{ user }, org, api] = await Promise.all([getViewer(orgSlug), getOrg(orgSlug), serverApi()]);
  const base = `/o/${org.slug}`;
  const maps = await orPageError(api.journeyMap.list({ orgSlug }), base);
  const liveMaps = maps.filter((map) => map.status !== "archived");
  // The map people worked on last is the one worth going back to.
  const latest = [...liveMaps].sort((a, b) => new Date(b.lastChangedAt).getTime() - new Date(a.lastChangedAt).getTime())[0];
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  const stats = [
    { label: "Members", value: String(org.memberCount), href: `${base}/settings/members`, hint: "People with access to this organization." },
    { label: "Teams", value: String(org.teamCount), href: `${base}/settings/teams`, hint: "Groups that own touchpoints and fix findings." },
    {
      label: "Journey maps",
      value: String(liveMaps.length),
      href: `${base}/journeys`,
      hint: `${plural(liveMaps.reduce((n, map) => n + map.touchpointCount, 0), "touchpoint")}, ${plural(liveMaps.reduce((n, map) => n + map.obstacleCount, 0), "obstacle")} mapped.`,
    },
    { label: "Your role", value: ROLE_LABELS[org.role], hint: ROLE_DESCRIPTIONS[org.role] },
  ];

  const steps = [
    can(org.role, "member.invite")
      ? { icon: UsersIcon, title: "Invite your team", body: "Bring in the people who own each part of the customer experience.", href: `${base}/settings/members`, cta: "Invite people" }
      : { icon: UsersIcon, title: "Meet your colleagues", body: "See who is in this organization and what each role may do.", href: `${base}/settings/members`, cta: "View members" },
    { icon: TeamsIcon, title: "Review your teams", body: "Teams own touchpoints and receive the findings that concern them.", href: `${base}/settings/teams`, cta: "Review teams" },
    latest
      ? {
          icon: RouteIcon,
          title: "Keep the journey current",
          body: `“${latest.name}”: ${plural(latest.touchpointCount, "touchpoint")} and ${plural(latest.obstacleCount, "obstacle")} so far.`,
          href: `${base}/journeys/${latest.id}`,
          cta: "Open the map",
        }
      : { icon: RouteIcon, title: "Map your first journey", body: "Lay out the stages and touchpoints your customers go through.", href: `${base}/journeys`, cta: "Go to Journeys" },
  ];

  return (
    <>
      <PageHeader eyebrow={org.name} title={`Welcome, ${firstName}`} description={`Here is where ${org.name} stands today. Created ${formatDate(org.createdAt)}.`} />

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {stats.map((stat) => (
          <Card key={stat.label} className="px-5 py-4">
            <dt className="text-sm font-medium text-slate-500">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
              {stat.href ? (
                <Link href={stat.href} className="hover:text-indigo-700">
                  {stat.value}
                </Link>
              ) : (
                stat.value
              )}
            </dd>
            {stat.hint && <dd className="mt-1 text-xs text-slate-500">{stat.hint}</dd>}
          </Card>
        ))}
      </dl>

      <h2 className="mt-10 mb-3 text-sm font-semibold text-slate-900">Next steps</h2>
      <ol className="grid gap-4 lg:grid-cols-3">
        {steps.map((step, index) => {
          const Icon = step.icon;
          return (
            <li key={step.title}>
              <Link href={step.href} className="group flex h-full flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-indigo-300">
                <div className="flex items-center gap-3">
                  <span className="flex size-9 items-center justify-center rounded-md bg-indigo-50 text-indigo-600">
                    <Icon className="size-5" />
                  </span>
                  <span className="text-xs font-medium text-slate-400">Step {index + 1}</span>
                </div>
                <h3 className="mt-4 text-sm font-semibold text-slate-900">{step.title}</h3>
                <p className="mt-1 flex-1 text-sm text-slate-600">{step.body}</p>
                <span className="mt-4 inline-flex items-center gap-1.5 text-sm font-medium text-indigo-600 group-hover:text-indigo-500">
                  {step.cta} <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </>
  );
}
