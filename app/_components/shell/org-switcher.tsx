"use client";
// Switching between the organizations the person belongs to, or starting a new one.
import Link from "next/link";
import { ROLE_LABELS, type Role } from "@/db/constants";
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from "../icons";
import { Menu, MenuSection, menuItemClasses } from "../ui/menu";

export interface OrgChoice {
  slug: string;
  name: string;
  role: Role;
}

export function OrgSwitcher({ organizations, currentSlug }: { organizations: OrgChoice[]; currentSlug?: string }) {
  const current = organizations.find((org) => org.slug === currentSlug);
  return (
    <Menu
      triggerLabel="Switch organization"
      triggerClassName="flex max-w-72 items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      trigger={
        <>
          <span className="truncate">{current?.name ?? "Your organizations"}</span>
          <ChevronUpDownIcon className="size-4 shrink-0 text-slate-400" />
        </>
      }
    >
      <MenuSection label="Your organizations">
        {organizations.map((org) => {
          const isCurrent = org.slug === currentSlug;
          return (
            <Link key={org.slug} href={`/o/${org.slug}`} role="menuitem" aria-current={isCurrent ? "page" : undefined} className={menuItemClasses}>
              <span className="flex size-6 shrink-0 items-center justify-center rounded bg-slate-100 text-xs font-semibold text-slate-600">{org.name[0]?.toUpperCase()}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{org.name}</span>
                <span className="block text-xs text-slate-500">{ROLE_LABELS[org.role]}</span>
              </span>
              {isCurrent && <CheckIcon className="size-4 text-indigo-600" />}
            </Link>
          );
        })}
      </MenuSection>
      <MenuSection>
        <Link href="/new-organization" role="menuitem" className={menuItemClasses}>
          <PlusIcon className="size-4 text-slate-400" /> New organization
        </Link>
      </MenuSection>
    </Menu>
  );
}
