// What a dashboard screen shows instead of figures: nothing in the period (with the way to
// bring responses in), or the server's reason for not answering (e.g. a view that took too long).
import { AlertIcon, ChartIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";

export function NoResponses({ orgSlug, filtered }: { orgSlug: string; filtered: boolean }) {
  return (
    <Card>
      <EmptyState
        icon={<ChartIcon className="size-5" />}
        title="No responses in this period"
        description={
          filtered
            ? "Nothing matches these filters. Widen the period or clear a filter, or import the survey responses that belong here."
            : "Charts fill in once survey responses are imported: upload a survey tool's export, or post responses to the API."
        }
        className="py-14"
      >
        <ButtonLink href={`/o/${orgSlug}/surveys`}>Upload survey responses</ButtonLink>
        {filtered && (
          <ButtonLink href={`/o/${orgSlug}/dashboards`} variant="secondary">
            Clear the filters
          </ButtonLink>
        )}
      </EmptyState>
    </Card>
  );
}

export function DashboardProblem({ message }: { message: string }) {
  return (
    <Card>
      <EmptyState icon={<AlertIcon className="size-5" />} title="This view could not be shown" description={<span role="alert">{message}</span>} className="py-14">
        <p className="text-xs text-slate-500">Try a shorter period, fewer segment values, or one filter less.</p>
      </EmptyState>
    </Card>
  );
}

export function FilterProblem({ message }: { message: string }) {
  return (
    <div role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
      Some filters in the address were not understood, so the default view is shown: {message}
    </div>
  );
}
