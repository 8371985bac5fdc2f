"use client";
// An unknown map id (or one deleted, or of another organization), found by [mapId]/layout.tsx
// before the map page streams, so the answer is a real 404: back to the journeys.
import { useParams } from "next/navigation";
import { RouteIcon } from "@/app/_components/icons";
import { MessagePanel } from "@/app/_components/message-panel";
import { ButtonLink } from "@/app/_components/ui/button";

export default function MapNotFound() {
  // A not-found boundary gets no props; the organization comes from the URL.
  const { orgSlug } = useParams<{ orgSlug: string }>();
  return (
    <MessagePanel
      icon={<RouteIcon className="size-5" />}
      title="This journey map doesn’t exist"
      description="It may have been deleted, or the link is mistyped. The journeys page lists every map of this organization."
    >
      <ButtonLink href={`/o/${orgSlug}/journeys`}>Go to journeys</ButtonLink>
    </MessagePanel>
  );
}
