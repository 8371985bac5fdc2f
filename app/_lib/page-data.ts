// Reading data for pages through the tRPC caller, with the failures a page turns into
// navigation: unknown or not-yours → the not-found page, ended session → sign-in.
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { authHref } from "@/lib/return-path";

export async function orPageError<T>(call: Promise<T>, returnTo?: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError) {
      // A malformed slug in the URL is just another page that does not exist.
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
      if (error.code === "UNAUTHORIZED") redirect(authHref("/sign-in", { callbackUrl: returnTo }));
    }
    throw error;
  }
}
