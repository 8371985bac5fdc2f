// Journey maps: every map of the organization, most recently changed first, with archived
// maps folded away; starting a map or importing one opens over the list (`?new`, `?import`).
import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { ChevronRightIcon, PlusIcon, RouteIcon, UploadIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getOrg, type OrgPageProps } from "../../_lib/org";
import { ImportMapDialog } from "../_components/import-map-dialog";
import { MapCard, type MapSummary } from "../_components/map-card";
import { NewMapDialog } from "../_components/new-map-dialog";

export const metadata: Metadata = { title: "Journey maps" };

type JourneysPageProps = OrgPageProps & { searchParams: Promise<{ new?: string; import?: string }> };

export default async function JourneysPage({ params, searchParams }: JourneysPageProps) {
  const { orgSlug } = await params;
  const [org, api, query] = await Promise.all([getOrg(orgSlug), serverApi(), searchParams]);
  const path = `/o/${org.slug}/journeys`;
  const canEdit = can(org.role, "journey.edit");
  const creating = canEdit && query.new !== undefined;
  const importing = canEdit && !creating && query.import !== undefined;
  const [maps, personas, teams] = await Promise.all([
    orPageError(api.journeyMap.list({ orgSlug }), path),
    creating ? orPageError(api.persona.list({ orgSlug }), path) : [],
    importing ? orPageError(api.team.list({ orgSlug }), path) : [],
  ]);

  const byLastChange = [...maps].sort((a, b) => b.lastChangedAt.getTime() - a.lastChangedAt.getTime());
  const current = byLastChange.filter((map) => map.status !== "archived");
  const archived = byLastChange.filter((map) => map.status === "archived");
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Journey maps"
        description={
          canEdit
            ? "Each journey your customers take, stage by stage, and where it breaks."
            : "The journeys your customers take, stage by stage and touchpoint by touchpoint. Members and above can create and change maps; you can read them and comment."
        }
        actions={
          canEdit &&
          maps.length > 0 && (
            <>
              <ButtonLink href={`${path}?import`} variant="secondary" scroll={false}>
                <UploadIcon /> Import from JSON
              </ButtonLink>
              <ButtonLink href={`${path}?new`} scroll={false}>
                <PlusIcon /> New journey map
              </ButtonLink>
            </>
          )
        }
      />

      {maps.length === 0 ? (
        <Card>
          <EmptyState
            icon={<RouteIcon className="size-5" />}
            title="No journey maps yet"
            description={
              <>
                A journey map follows one kind of customer through the stages of a journey — from first hearing of you to coming back — and the
                touchpoints where they meet you on the way: the web shop, a phone call, the parcel at the door. Each touchpoint gets an owning team
                and the obstacles customers run into, so everyone sees where the experience breaks.
                {!canEdit && <span className="mt-2 block">Members and above can create the first map.</span>}
              </>
            }
            className="py-14"
          >
            {canEdit && (
              <>
                <ButtonLink href={`${path}?new`} scroll={false}>
                  <PlusIcon /> New journey map
                </ButtonLink>
                <ButtonLink href={`${path}?import`} variant="secondary" scroll={false}>
                  <UploadIcon /> Import from JSON
                </ButtonLink>
              </>
            )}
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-8">
          {current.length > 0 ? (
            <MapGrid orgSlug={org.slug} maps={current} now={now} label="Journey maps" />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 px-5 py-6 text-center text-sm text-slate-500">
              Every map is archived.{canEdit && " Open one below and set it back to draft or active to work on it again."}
            </p>
          )}
          {archived.length > 0 && (
            <details className="group/archived">
              <summary className="flex w-fit cursor-pointer list-none items-center gap-1.5 rounded-md py-1 pr-2 text-sm font-semibold text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
                <ChevronRightIcon className="size-4 text-slate-400 transition-transform group-open/archived:rotate-90" />
                Archived maps
                <span className="font-normal text-slate-500">· {archived.length}</span>
              </summary>
              <p className="mt-1 mb-4 pl-5.5 text-sm text-slate-500">
                Kept for reference, no longer in everyday use.{canEdit && " Open one and change its status to work on it again."}
              </p>
              <MapGrid orgSlug={org.slug} maps={archived} now={now} label="Archived maps" />
            </details>
          )}
        </div>
      )}

      {creating && <NewMapDialog orgSlug={org.slug} personas={personas.map(({ id, name }) => ({ id, name }))} closeHref={path} />}
      {importing && <ImportMapDialog orgSlug={org.slug} teamNames={teams.map((team) => team.name)} closeHref={path} />}
    </>
  );
}

function MapGrid({ orgSlug, maps, now, label }: { orgSlug: string; maps: MapSummary[]; now: Date; label: string }) {
  return (
    <ul aria-label={label} className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
      {maps.map((map) => (
        <MapCard key={map.id} orgSlug={orgSlug} map={map} now={now} />
      ))}
    </ul>
  );
}
