// The front door: signed-in people go straight to their organization (or to creating one);
// everyone else gets a short introduction.
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { getSessionClaims } from "@/server/auth/session";
import { serverApi } from "@/server/trpc/server";
import { Landing } from "./_components/landing";

async function myOrganizations() {
  if (!(await getSessionClaims())) return null;
  try {
    return await (await serverApi()).account.organizations();
  } catch (error) {
    // An ended session (password changed elsewhere) is the same as being signed out here.
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
}

export default async function Home() {
  const organizations = await myOrganizations();
  if (!organizations) return <Landing />;
  redirect(organizations[0] ? `/o/${organizations[0].slug}` : "/new-organization");
}
