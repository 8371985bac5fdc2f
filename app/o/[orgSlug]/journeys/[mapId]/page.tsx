// The canvas of one journey map. The server reads the map once for the first paint; the
// client keeps it live (see use-map-canvas.ts).
import type { Metadata } from "next";
import { cache } from "react";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { getOrg } from "../../_lib/org";
import { MapCanvas } from "./_components/map-canvas";
import { curveRangeFromQuery } from "./_components/customer-curve/curve-model";

type MapPageProps = {
  params: Promise<{ orgSlug: string; mapId: string }>;
  searchParams: Promise<{ comments?: string; touchpoint?: string; range?: string; from?: string; to?: string }>;
};

/** Shared by the metadata and the page within one request. */
const loadCanvas = cache(async (orgSlug: string, mapId: string) =>
  orPageError((await serverApi()).journeyMap.get({ orgSlug, mapId }), `/o/${orgSlug}/journeys/${mapId}`),
);

export async function generateMetadata({ params }: MapPageProps): Promise<Metadata> {
  const { orgSlug, mapId } = await params;
  const canvas = await loadCanvas(orgSlug, mapId);
  return { title: canvas.map.name };
}

export default async function MapPage({ params, searchParams }: MapPageProps) {
  const [{ orgSlug, mapId }, query] = await Promise.all([params, searchParams]);
  const [org, canvas] = await Promise.all([getOrg(orgSlug), loadCanvas(orgSlug, mapId)]);
  return (
    <MapCanvas
      // A different map is a fresh canvas: no dialog or panel carries over.
      key={mapId}
      orgSlug={org.slug}
      mapId={mapId}
      role={org.role}
      initialCanvas={canvas}
      initialComments={query.comments === "1" ? { touchpointId: query.touchpoint ?? null } : null}
      initialCurveRange={curveRangeFromQuery(query)}
    />
  );
}
