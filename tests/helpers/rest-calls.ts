// Calling the public REST API's route handlers (the functions Next calls) with real Requests:
// the routes are found on disk, so a test over "every route" includes routes added later.
import fs from "node:fs";
import path from "node:path";

const V1 = path.join(process.cwd(), "app/api/v1");
type Handler = (request: Request) => Promise<Response>;

/** Every route file under app/api/v1 and the methods it exports: "GET /api/v1/findings/[findingId]". */
export async function discoverRoutes(): Promise<{ route: string; method: string; handler: Handler }[]> {
  const files = fs.readdirSync(V1, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  const found = [];
  for (const file of files) {
    const exported = (await import(path.join(V1, file))) as Record<string, unknown>;
    const urlPath = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (typeof exported[method] === "function") found.push({ route: `${method} ${urlPath}`, method, handler: exported[method] as Handler });
    }
  }
  return found;
}

export interface RestCall {
  /** The API key; null sends no Authorization header. */
  key: string | null;
  body?: BodyInit;
  type?: string;
  query?: string;
  headers?: Record<string, string>;
  /** Values for the route's [segments]: { findingId: "…" }. */
  params?: Record<string, string>;
}

export async function callRoute(route: string, options: RestCall): Promise<Response> {
  const [method, pattern] = route.split(" ") as [string, string];
  const handler = (await discoverRoutes()).find((r) => r.route === route)?.handler;
  if (!handler) throw new Error(`No route ${route}`);
  const urlPath = pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`${route} needs params.${name}`);
    return encodeURIComponent(value);
  });
  const headers: Record<string, string> = { ...(options.type ? { "content-type": options.type } : {}), ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key}`;
  return handler(
    new Request(`http://localhost:3000${urlPath}${options.query ?? ""}`, {
      method,
      headers,
      body: options.body,
      // @ts-expect-error Node's fetch needs this for a stream body; the DOM types lack it.
      duplex: "half",
    }),
  );
}
