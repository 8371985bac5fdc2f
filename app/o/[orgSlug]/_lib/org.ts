// What every page of an organization needs: the organization with the viewer's role, and
// the signed-in user. Cached per request, so the layout and the page share one lookup.
import "server-only";
import { cache } from "react";
import { requireUser } from "@/server/auth/session";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";

export const getOrg = cache(async (orgSlug: string) => {
  const api = await serverApi();
  return orPageError(api.organization.overview({ orgSlug }), `/o/${orgSlug}`);
});

export const getViewer = cache((orgSlug: string) => requireUser(`/o/${orgSlug}`));

export type OrgPageProps = { params: Promise<{ orgSlug: string }> };
