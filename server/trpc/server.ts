// The request's tRPC context, for the HTTP handler and for server components, which call the
// same procedures in-process: pages and the API share one access path.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { signInClient } from "../auth/client";
import { getSessionClaims } from "../auth/session";
import { getDb } from "../db";
import type { Context } from "./context";
import { createCaller } from "./root";

export async function createRequestContext(): Promise<Context> {
  return { db: await getDb(), session: await getSessionClaims(), client: signInClient(await headers()), requestCache: new Map() };
}

export const serverApi = cache(async () => createCaller(await createRequestContext()));
