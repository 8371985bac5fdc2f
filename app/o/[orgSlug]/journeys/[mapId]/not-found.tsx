"use client";
// An unknown map id (or one deleted, or of another organization): back to the journeys.
import { useParams } from "next/navigation";
import { RouteIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";

export default function MapNotFound() {
  // A not-found boundary gets no props; the organization comes from the URL.
  const { orgSlug } = useParams<{ orgSlug: string }>();
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <EmptyState
        icon={<RouteIcon className="size-5" />}
        title="This journey map doesn’t exist"
        description="It may have been deleted, or the link is mistyped. The journeys page lists every map of this organization."
        className="py-12"
      >
        <ButtonLink href={`/o/${orgSlug}/journeys`}>Go to journeys</ButtonLink>
      </EmptyState>
    </div>
  );
}
