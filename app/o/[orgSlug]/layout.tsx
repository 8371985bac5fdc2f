// The app shell of an organization. Access is resolved here: an unknown organization or one
// the user is not a member of is "not found"; a revoked session goes to sign-in.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/shell/app-header";
import { serverApi } from "@/server/trpc/server";
import { orPageError } from "@/app/_lib/page-data";
import { MobileNav } from "./_components/mobile-nav";
import { SideNav } from "./_components/side-nav";
import { getOrg, getViewer, type OrgPageProps } from "./_lib/org";

export async function generateMetadata({ params }: OrgPageProps): Promise<Metadata> {
  const { orgSlug } = await params;
  const org = await getOrg(orgSlug);
  return { title: { default: org.name, template: `%s · ${org.name} · Waymark` } };
}

export default async function OrgLayout({ children, params }: OrgPageProps & { children: ReactNode }) {
  const { orgSlug } = await params;
  const { user } = await getViewer(orgSlug);
  const org = await getOrg(orgSlug);
  const organizations = await orPageError((await serverApi()).account.organizations(), `/o/${orgSlug}`);

  return (
    <div className="min-h-screen">
      <AppHeader user={user} organizations={organizations} currentSlug={org.slug} menu={<MobileNav orgSlug={org.slug} role={org.role} />} />
      {/* Wide enough for the journey canvas on a laptop; pages narrow their own content where it reads better. */}
      <div className="mx-auto flex max-w-[100rem] gap-8 px-4 sm:px-6">
        <aside className="sticky top-14 hidden h-[calc(100vh-3.5rem)] w-52 shrink-0 overflow-y-auto py-6 md:block">
          <SideNav orgSlug={org.slug} role={org.role} />
        </aside>
        <main className="min-w-0 flex-1 py-8">{children}</main>
      </div>
    </div>
  );
}
