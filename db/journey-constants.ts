// The vocabulary of journey maps, shared by the database, the server and the browser.
// A leaf module like db/constants.ts: it imports nothing.

export const MAP_STATUSES = ["draft", "active", "archived"] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];
export const MAP_STATUS_LABELS: Record<MapStatus, string> = { draft: "Draft", active: "Active", archived: "Archived" };

export const CHANNELS = ["web", "mobile_app", "chat", "phone", "email", "sms", "social", "store", "mail", "other"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  web: "Web",
  mobile_app: "Mobile app",
  chat: "Chat",
  phone: "Phone",
  email: "Email",
  sms: "Text / SMS",
  social: "Social",
  store: "Store",
  mail: "Mail",
  other: "Other",
};

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

/** Obstacles (pain points) and opportunities (ideas to improve) share one shape. */
export const INSIGHT_KINDS = ["obstacle", "opportunity"] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

/** The emotion a customer is expected to feel at a touchpoint, −2 … +2. */
export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
export type Emotion = (typeof EMOTIONS)[number];
export const EMOTION_LABELS: Record<string, string> = {
  "-2": "Frustrated",
  "-1": "Unhappy",
  "0": "Neutral",
  "1": "Pleased",
  "2": "Delighted",
};

/** Stage templates offered when a map is created. */
export const STAGE_TEMPLATES = {
  purchase: {
    label: "Purchase journey",
    stages: [
      { name: "Awareness", description: "The customer learns the brand exists." },
      { name: "Consideration", description: "They compare options and look for reassurance." },
      { name: "Purchase", description: "They buy, online or in a store." },
      { name: "Post-purchase", description: "Delivery, set-up, billing, returns and warranty." },
      { name: "Loyalty & advocacy", description: "They come back and recommend the brand." },
    ],
  },
  experience: {
    label: "Experience journey",
    stages: [
      { name: "Before", description: "Planning and expectations." },
      { name: "During", description: "The experience itself." },
      { name: "After", description: "Follow-up and reflection." },
      { name: "Return", description: "Coming back, or not." },
    ],
  },
  blank: { label: "Blank", stages: [] },
} as const;
export type StageTemplate = keyof typeof STAGE_TEMPLATES;
export const STAGE_TEMPLATE_KEYS = Object.keys(STAGE_TEMPLATES) as StageTemplate[];

/** Age bands offered for persona demographics. */
export const AGE_BANDS = ["18–24", "25–34", "35–44", "45–54", "55–64", "65+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
