// A journey map shared by link: read-only, for anyone who has the link, no account needed.
// An unknown or revoked link is "not found" (404), whichever it was.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MAP_STATUS_LABELS } from "@/db/journey-constants";
import { getDb } from "@/server/db";
import { getSharedMap } from "@/server/services/share-links";
import { LockIcon } from "@/app/_components/icons";
import { Badge } from "@/app/_components/ui/badge";
import { Wordmark } from "@/app/_components/wordmark";
import { PersonaSummary } from "./_components/persona-summary";
import { SharedBoard } from "./_components/shared-board";

type SharedMapPageProps = { params: Promise<{ token: string }> };

/** One lookup per request, shared by the metadata and the page. */
const loadSharedMap = cache(async (token: string) => getSharedMap(await getDb(), token));

export async function generateMetadata({ params }: SharedMapPageProps): Promise<Metadata> {
  const shared = await loadSharedMap((await params).token);
  return { title: shared ? shared.map.name : "Link no longer works" };
}

export default async function SharedMapPage({ params }: SharedMapPageProps) {
  const shared = await loadSharedMap((await params).token);
  if (!shared) notFound();
  const { map, persona } = shared;

  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center justify-between gap-4 px-4 sm:px-6">
          <Wordmark />
          <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
            <LockIcon className="size-3.5" />
            Read-only view shared from Waymark
          </p>
        </div>
      </header>

      <main>
        <div className="mx-auto max-w-7xl space-y-5 px-4 pt-8 pb-6 sm:px-6">
          <div>
            <p className="mb-1 text-xs font-medium tracking-wide text-indigo-600 uppercase">Customer journey map</p>
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{map.name}</h1>
              {map.status !== "active" && <Badge tone={map.status === "draft" ? "amber" : "slate"}>{MAP_STATUS_LABELS[map.status]}</Badge>}
            </div>
            {map.description && <p className="mt-2 max-w-3xl text-sm text-slate-600">{map.description}</p>}
          </div>
          {persona && <PersonaSummary persona={persona} />}
        </div>

        <section aria-label="Journey board" className="border-y border-slate-200 bg-white">
          {/* Positioned, so the board's absolutely placed bits (screen-reader text) scroll with it instead of widening the page. */}
          <div className="relative overflow-x-auto">
            <SharedBoard view={shared} id="shared-journey-board" />
          </div>
        </section>

        <footer className="mx-auto max-w-7xl px-4 py-6 text-xs text-slate-500 sm:px-6">
          A read-only view shared from Waymark. Only people with this link can open it, and the map’s team can revoke the link at any time.
        </footer>
      </main>
    </div>
  );
}
