// An unknown, mistyped or revoked share link: say so plainly, without hinting which it was.
import type { Metadata } from "next";
import { CenteredPage } from "@/app/_components/centered-page";
import { LockIcon } from "@/app/_components/icons";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";

export const metadata: Metadata = { title: "Link no longer works" };

export default function SharedMapNotFound() {
  return (
    <CenteredPage>
      <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <EmptyState
          icon={<LockIcon className="size-5" />}
          title="This link no longer works"
          description="The person who shared this journey map may have revoked the link, or it was copied incompletely. Ask them for a new link."
          className="py-12"
        >
          <ButtonLink href="/" variant="secondary">
            Go to Waymark
          </ButtonLink>
        </EmptyState>
      </div>
    </CenteredPage>
  );
}
