/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module, postgres.js and
  // argon2 are Node-only: bundling any of them breaks `next dev`, so Node requires them.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@node-rs/argon2"],
  // Each build writes to its own directory so `next dev` and an e2e build never fight.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
};

export default nextConfig;
