// Server configuration, read once from the environment and validated.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Postgres for the app (runs as the waymark_app role). Unset: embedded PGlite. */
  DATABASE_URL: z.url().optional(),
  /** Postgres as the table owner, for migrations. Defaults to DATABASE_URL. */
  DATABASE_OWNER_URL: z.url().optional(),
  /** PGlite data directory when DATABASE_URL is unset. */
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(16).optional(),
  /**
   * How many reverse proxies in front of the app the operator trusts to append the client's
   * address to X-Forwarded-For. 0 (default): the app faces clients directly, and the
   * address is the socket's peer whatever the request's headers say.
   */
  WAYMARK_TRUSTED_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Whether this app process runs background jobs (alert checks, …); "0" leaves them to other instances. */
  WAYMARK_JOBS: z
    .enum(["0", "1"], "WAYMARK_JOBS is 0 or 1.")
    .default("1")
    .transform((value) => value === "1"),
  /**
   * Where emails go: an SMTP URL (smtp://user:pass@host:587, smtps://… for TLS). Unset: each
   * email is written to the server log instead, never silently dropped.
   */
  WAYMARK_SMTP_URL: z.url().optional(),
  /**
   * "1" lets webhooks reach loopback, private and link-local addresses (an on-premises
   * receiver; the tests' local one). Off by default: a webhook URL must not reach the server's network.
   */
  WAYMARK_WEBHOOKS_ALLOW_PRIVATE: z
    .enum(["0", "1"], "WAYMARK_WEBHOOKS_ALLOW_PRIVATE is 0 or 1.")
    .default("0")
    .transform((value) => value === "1"),
  WAYMARK_MAIL_FROM: z.string().min(3).default("Waymark <no-reply@waymark.local>"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}
