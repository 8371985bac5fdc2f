/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module, postgres.js and
  // argon2 are Node-only: bundling any of them breaks `next dev`, so Node requires them.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@node-rs/argon2"],
  // Each build writes to its own directory so `next dev` and an e2e build never fight.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  experimental: {
    // Next's default, written down: a server action's body is refused past 1 MB
    // (BODY_LIMITS.default in server/schemas/limits.ts; tRPC caps in its route handler).
    serverActions: { bodySizeLimit: "1mb" },
    // Next copies a request body into memory for proxy.ts (10 MB by default); nothing that
    // passes through the proxy may be larger than 1 MB (proxy.ts refuses a larger declared
    // length), so copy no more than that.
    proxyClientMaxBodySize: "1mb",
  },
};

export default nextConfig;
