"use client";
// The signed-in person in the header: who they are, their account page, signing out.
import Link from "next/link";
import { signOutAction } from "@/server/auth/actions";
import { initials } from "@/lib/format";
import { LogOutIcon, UserIcon } from "../icons";
import { Menu, MenuSection, menuItemClasses } from "../ui/menu";

export function UserMenu({ name, email }: { name: string; email: string }) {
  return (
    <Menu
      align="right"
      triggerLabel="Account menu"
      triggerClassName="flex items-center gap-2.5 rounded-full py-1 pr-1 pl-3 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      trigger={
        <>
          <span className="hidden font-medium sm:inline">{name}</span>
          <span className="flex size-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700">{initials(name)}</span>
        </>
      }
    >
      <MenuSection>
        <div className="px-3 py-1.5">
          <p className="truncate text-sm font-medium text-slate-900">{name}</p>
          <p className="truncate text-xs text-slate-500">{email}</p>
        </div>
      </MenuSection>
      <MenuSection>
        <Link href="/account" role="menuitem" className={menuItemClasses}>
          <UserIcon className="size-4 text-slate-400" /> Account
        </Link>
        <form action={signOutAction}>
          <button type="submit" role="menuitem" className={menuItemClasses}>
            <LogOutIcon className="size-4 text-slate-400" /> Sign out
          </button>
        </form>
      </MenuSection>
    </Menu>
  );
}
