// Shown for any unknown page, and for organizations the visitor is not a member of (which
// look exactly like ones that do not exist).
import type { Metadata } from "next";
import { CenteredPage } from "./_components/centered-page";
import { CompassIcon } from "./_components/icons";
import { MessagePanel } from "./_components/message-panel";
import { ButtonLink } from "./_components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <CenteredPage>
      <MessagePanel
        icon={<CompassIcon className="size-5" />}
        title="We couldn’t find that page"
        description="The address may be mistyped, or it belongs to an organization you are not a member of. If someone shared it with you, ask them for an invitation."
      >
        <ButtonLink href="/">Go to Waymark</ButtonLink>
      </MessagePanel>
      <p className="mt-4 text-center text-xs text-slate-500">Error 404</p>
    </CenteredPage>
  );
}
