// The honest empty state of a section that arrives in a later release: what it will hold,
// and something useful to do now.
import type { ComponentType, ReactNode } from "react";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { CheckIcon } from "@/app/_components/icons";

interface UpcomingSectionProps {
  title: string;
  description: string;
  icon: ComponentType<{ className?: string }>;
  emptyTitle: string;
  emptyBody: ReactNode;
  /** What the section will let people do, one short line each. */
  features: string[];
  action: { label: string; href: string };
}

export function UpcomingSection({ title, description, icon: Icon, emptyTitle, emptyBody, features, action }: UpcomingSectionProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <EmptyState icon={<Icon className="size-5" />} title={emptyTitle} description={emptyBody} className="py-12">
          <ButtonLink href={action.href}>{action.label}</ButtonLink>
        </EmptyState>
        <div className="border-t border-slate-200 bg-slate-50/60 px-6 py-5">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Coming to {title}</p>
          <ul className="mt-3 grid gap-2.5 sm:grid-cols-2">
            {features.map((feature) => (
              <li key={feature} className="flex items-start gap-2 text-sm text-slate-600">
                <CheckIcon className="mt-0.5 size-4 shrink-0 text-indigo-500" />
                {feature}
              </li>
            ))}
          </ul>
        </div>
      </Card>
    </>
  );
}
