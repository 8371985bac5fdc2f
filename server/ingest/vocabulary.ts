// Words in exports that name Waymark's things: channels as customers and survey tools write
// them, and touchpoints by key, name or alias (case-insensitive).
import { CHANNELS, CHANNEL_LABELS, type Channel } from "@/db/journey-constants";

const CHANNEL_WORDS: Record<string, Channel> = {
  website: "web",
  "web site": "web",
  online: "web",
  "online store": "web",
  app: "mobile_app",
  "mobile app": "mobile_app",
  mobile: "mobile_app",
  "live chat": "chat",
  chatbot: "chat",
  messenger: "chat",
  call: "phone",
  "phone call": "phone",
  telephone: "phone",
  "call center": "phone",
  "call centre": "phone",
  "e mail": "email",
  text: "sms",
  "text message": "sms",
  sms: "sms",
  "social media": "social",
  facebook: "social",
  instagram: "social",
  twitter: "social",
  x: "social",
  tiktok: "social",
  "in store": "store",
  "in person": "store",
  shop: "store",
  retail: "store",
  post: "mail",
  letter: "mail",
};
for (const channel of CHANNELS) {
  CHANNEL_WORDS[channel.replace(/_/g, " ")] = channel;
  CHANNEL_WORDS[normalizeWord(CHANNEL_LABELS[channel])] = channel;
}

export function normalizeWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function channelFromText(text: string): Channel | undefined {
  return CHANNEL_WORDS[normalizeWord(text)];
}

export interface TouchpointRef {
  id: string;
  key: string;
  name: string;
  aliases?: readonly string[];
}

/** Key, name and aliases of every touchpoint, lower-cased, to its id. A key wins over another's name. */
export function touchpointLookup(touchpoints: readonly TouchpointRef[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const tp of touchpoints) for (const alias of tp.aliases ?? []) lookup.set(alias.trim().toLowerCase(), tp.id);
  for (const tp of touchpoints) lookup.set(tp.name.trim().toLowerCase(), tp.id);
  for (const tp of touchpoints) lookup.set(tp.key.trim().toLowerCase(), tp.id);
  return lookup;
}
