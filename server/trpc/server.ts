// tRPC for server components: the same procedures, called in-process with the request's
// session, so pages and the HTTP API share one access path.
import "server-only";
import { cache } from "react";
import { getSessionClaims } from "../auth/session";
import { getDb } from "../db";
import { createCaller } from "./root";

export const serverApi = cache(async () => createCaller({ db: await getDb(), session: await getSessionClaims() }));
