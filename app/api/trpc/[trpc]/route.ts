import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionClaims } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ db: await getDb(), session: await getSessionClaims() }),
  });

export { handler as GET, handler as POST };
