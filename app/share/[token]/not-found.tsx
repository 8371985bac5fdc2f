// An unknown, mistyped or revoked share link: say so plainly, without hinting which it was.
import type { Metadata } from "next";
import { CenteredPage } from "@/app/_components/centered-page";
import { LockIcon } from "@/app/_components/icons";
import { MessagePanel } from "@/app/_components/message-panel";
import { ButtonLink } from "@/app/_components/ui/button";

export const metadata: Metadata = { title: "Link no longer works" };

export default function SharedMapNotFound() {
  return (
    <CenteredPage>
      <MessagePanel
        icon={<LockIcon className="size-5" />}
        title="This link no longer works"
        description="The person who shared this journey map may have revoked the link, or it was copied incompletely. Ask them for a new link."
      >
        <ButtonLink href="/" variant="secondary">
          Go to Waymark
        </ButtonLink>
      </MessagePanel>
    </CenteredPage>
  );
}
