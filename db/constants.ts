// Domain vocabulary shared by the database, the server and the browser. A leaf module:
// it imports nothing, so anything may import it.

/** Organization roles, highest first. The order is the hierarchy. */
export const ROLES = ["owner", "admin", "manager", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  manager: "Manager",
  member: "Member",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including deleting the organization and managing owners.",
  admin: "Manages members, teams and settings.",
  manager: "Reviews dashboards, triages findings, edits journeys.",
  member: "Edits journeys and works on findings assigned to their teams.",
  viewer: "Reads everything and comments; changes nothing.",
};

/** Teams every new organization starts with; editable afterwards. */
export const DEFAULT_TEAMS = [
  { name: "Shipping", description: "Delivery, packaging and returns logistics." },
  { name: "Marketing", description: "Campaigns, ads, social and the newsletter." },
  { name: "Product development", description: "The products and their set-up experience." },
  { name: "Customer service", description: "Phone, chat and email support." },
  { name: "Billing", description: "Payments, invoices and refunds." },
  { name: "Web & e-commerce", description: "The website, the online store and the mobile cart." },
] as const;

export const INVITATION_TTL_DAYS = 7;

/** How long a session lasts at most after signing in (it is not extended by use). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Password guessing limits (sign-in and password change). Per account, a browser that
 * signed in to it before has its own budget and all unknown clients share another; unknown
 * clients are also limited per address across accounts.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 60,
  maxFailuresPerWindow: 100,
  /** Failures by unknown clients from one address, over all accounts, per window. */
  maxFailuresPerAddress: 300,
  /** Failures after which each further attempt is slowed down. */
  slowAfterFailures: 5,
  maxDelayMs: 3000,
} as const;

/** The Postgres role the application runs as: owns nothing, no BYPASSRLS, not superuser. */
export const APP_DB_ROLE = "waymark_app";

/** argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane); shared by sign-up and seeds. */
export const PASSWORD_HASH_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
