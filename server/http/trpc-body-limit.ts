// How many bytes a tRPC request may carry: 1 MB, unless every procedure it calls is one
// that needs more (a map import). Procedures are named in the URL, so this is known before
// the body is read.
import { BODY_LIMITS } from "../schemas/limits";

/** Procedures allowed a larger body than the default, and how large. */
const LARGER_BODIES: Readonly<Record<string, number>> = {
  "journeyMap.import": BODY_LIMITS.mapImport,
};

/** The procedure paths of a tRPC URL: "/api/trpc/a.b,c.d" → ["a.b", "c.d"]. */
export function procedurePaths(url: string, endpoint: string): string[] {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(`${endpoint}/`)) return [];
  return decodeURIComponent(pathname.slice(endpoint.length + 1)).split(",");
}

export function trpcBodyLimit(url: string, endpoint: string): number {
  const paths = procedurePaths(url, endpoint);
  if (paths.length === 0) return BODY_LIMITS.default;
  // A batch gets the larger cap only when every call in it may have it: batching an import
  // with a small call must not lend the small call 8 MB.
  return Math.min(...paths.map((path) => LARGER_BODIES[path] ?? BODY_LIMITS.default));
}
