"use server";
// Signing out from an invitation meant for another address, then straight to a sign-in
// that returns to the invitation with the invited email filled in.
import { signOut } from "@/server/auth/config";
import { authHref } from "@/lib/return-path";

export async function signOutForInvitation(token: string, email: string): Promise<void> {
  await signOut({ redirectTo: authHref("/sign-in", { callbackUrl: `/invite/${encodeURIComponent(token)}`, email }) });
}
