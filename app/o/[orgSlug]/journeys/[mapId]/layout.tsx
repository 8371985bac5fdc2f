// Looks the map up before anything of its page streams: the HTTP status goes out with the
// first byte, and the page below renders inside its own loading boundary, so an unknown or
// malformed map id thrown from the page would arrive as a 200. Thrown here, it is a real
// 404 (shown by journeys/not-found.tsx). The revision is the cheapest read that checks the
// map exists for this member.
import type { ReactNode } from "react";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";

type MapLayoutProps = { children: ReactNode; params: Promise<{ orgSlug: string; mapId: string }> };

export default async function MapLayout({ children, params }: MapLayoutProps) {
  const { orgSlug, mapId } = await params;
  await orPageError((await serverApi()).journeyMap.revision({ orgSlug, mapId }), `/o/${orgSlug}/journeys/${mapId}`);
  return children;
}
