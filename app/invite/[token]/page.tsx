// An invitation link: what it offers and the one next step that fits who is looking at it
// (sign in / create an account, accept, or switch accounts).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getDb } from "@/server/db";
import { getSessionClaims } from "@/server/auth/session";
import { getSessionUser } from "@/server/services/accounts";
import { previewInvitation } from "@/server/services/invitations";
import { CenteredPage, Panel } from "@/app/_components/centered-page";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { FormAlert } from "@/app/_components/ui/field";
import { authHref } from "@/lib/return-path";
import { signOutForInvitation } from "./actions";
import { AcceptInvitation } from "./_components/accept-invitation";
import { InvitationSummary, type InvitationPreview } from "./_components/invitation-summary";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const invitation: InvitationPreview | null = await previewInvitation(db, token);
  const claims = await getSessionClaims();
  const user = claims ? await getSessionUser(db, claims) : null;

  if (!invitation) {
    return (
      <CenteredPage>
        <Panel title="Invitation not found" description="This link does not match any invitation. Check that you copied the whole link, or ask the person who invited you for a new one.">
          <ButtonLink href="/" variant="secondary" className="w-full">
            Go to Waymark
          </ButtonLink>
        </Panel>
      </CenteredPage>
    );
  }

  const orgName = invitation.organization.name;
  const returnTo = `/invite/${token}`;
  let next: ReactNode;
  if (invitation.status !== "pending") {
    const messages = {
      expired: "This invitation has expired. Ask the person who invited you to send a new one.",
      revoked: "This invitation was withdrawn. If you still need access, ask an admin of the organization.",
      accepted: "This invitation has already been used.",
    };
    next = (
      <div className="space-y-4">
        <FormAlert tone="info">{messages[invitation.status]}</FormAlert>
        <ButtonLink href={invitation.status === "accepted" && user ? `/o/${invitation.organization.slug}` : "/"} variant="secondary" className="w-full">
          {invitation.status === "accepted" && user ? `Open ${orgName}` : "Go to Waymark"}
        </ButtonLink>
      </div>
    );
  } else if (!user) {
    next = (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          Sign in or create an account with <strong className="font-medium text-slate-900">{invitation.email}</strong> to accept.
        </p>
        <ButtonLink href={authHref("/sign-up", { callbackUrl: returnTo, email: invitation.email })} className="w-full">
          Create account
        </ButtonLink>
        <ButtonLink href={authHref("/sign-in", { callbackUrl: returnTo, email: invitation.email })} variant="secondary" className="w-full">
          Sign in
        </ButtonLink>
      </div>
    );
  } else if (user.email.toLowerCase() === invitation.email.toLowerCase()) {
    next = <AcceptInvitation token={token} />;
  } else {
    next = (
      <div className="space-y-4">
        <FormAlert tone="info">
          You are signed in as <strong className="font-medium">{user.email}</strong>, but this invitation is for{" "}
          <strong className="font-medium">{invitation.email}</strong>. Sign out, then sign in with that address to accept it.
        </FormAlert>
        <form action={signOutForInvitation.bind(null, token, invitation.email)}>
          <Button type="submit" variant="secondary" className="w-full">
            Sign out
          </Button>
        </form>
      </div>
    );
  }

  return (
    <CenteredPage>
      <Panel
        title={`Join ${orgName} on Waymark`}
        description={`${invitation.invitedByName ?? "Someone"} invited you to work on ${orgName}’s customer journeys with them.`}
      >
        <InvitationSummary invitation={invitation} />
        <div className="mt-6">{next}</div>
      </Panel>
    </CenteredPage>
  );
}
