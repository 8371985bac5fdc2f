// The bar across the top of every signed-in page: logo, organization switcher, the
// notification bell (inside an organization) and the user menu. On small screens `menu`
// (the organization's navigation drawer) opens it.
import type { ReactNode } from "react";
import { Wordmark } from "../wordmark";
import { NotificationBell } from "./notification-bell";
import { OrgSwitcher, type OrgChoice } from "./org-switcher";
import { UserMenu } from "./user-menu";

interface AppHeaderProps {
  user: { name: string; email: string };
  organizations: OrgChoice[];
  currentSlug?: string;
  /** Shown first, before the logo: the navigation button on small screens. */
  menu?: ReactNode;
}

export function AppHeader({ user, organizations, currentSlug, menu }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6">
      <div className="flex min-w-0 items-center gap-2 sm:gap-3">
        {menu}
        {/* On a phone the logo's tile is enough; the organization's name gets the room. */}
        <Wordmark href="/" compact />
        <span aria-hidden className="hidden text-lg font-light text-slate-300 sm:inline">
          /
        </span>
        {/* min-w-0 lets a long organization name truncate instead of pushing into the bell. */}
        <div className="min-w-0">
          <OrgSwitcher organizations={organizations} currentSlug={currentSlug} />
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {currentSlug && <NotificationBell orgSlug={currentSlug} />}
        <UserMenu name={user.name} email={user.email} />
      </div>
    </header>
  );
}
