// The demo organization's survey responses: about 50,000 over the last twelve months across
// the demo journey's touchpoints, written as the CSV export a survey tool would give, so the
// demo goes through the real import path. The patterns are the ones a CX team would recognise:
// set-up instructions and phone hold times score badly, delivery dips for one month, loyalty
// scores well; comments say why. Deterministic (a seeded generator), so the demo is the same
// every time except for the dates, which end today.

export const DEMO_SURVEY = { name: "Post-interaction pulse (demo)", fileName: "pulse-export.csv" } as const;

/** How each touchpoint scores (CSAT mean, 1–5) and how often customers are asked about it. */
interface TouchpointProfile {
  csat: number;
  weight: number;
  /** Also asks the effort question. */
  effort?: boolean;
  low: string[];
  high?: string[];
}

const PROFILES: Record<string, TouchpointProfile> = {
  "awareness-ads": { csat: 3.4, weight: 1, low: ["The ad promised a discount I never found on the site.", "I keep seeing the same ad for something I already bought."] },
  "awareness-social-posts": { csat: 3.9, weight: 1, low: ["The post linked to a page that no longer exists."] },
  "awareness-word-of-mouth": { csat: 4.2, weight: 0.6, low: ["My friend's referral code did not work."] },
  "consideration-website": { csat: 3.6, weight: 3, low: ["The FAQ did not answer my sizing question.", "Couldn't find the delivery costs before checkout.", "The search shows products that are out of stock."] },
  "consideration-reviews": { csat: 4.0, weight: 1.5, low: ["Hard to tell which reviews are for this version of the product."] },
  "consideration-newsletter": { csat: 3.7, weight: 1, low: ["Too many emails, and the unsubscribe link is tiny.", "The newsletter offers never apply to what I want."] },
  "consideration-contact": {
    csat: 2.3,
    weight: 3,
    effort: true,
    low: [
      "On hold for 25 minutes before anyone picked up.",
      "I was on hold so long I gave up and emailed instead.",
      "The hold music loops every 30 seconds. Forty minutes of it.",
      "Transferred three times, had to explain everything again each time.",
      "Waited on hold more than 5 minutes just to ask about stock.",
    ],
    high: ["The agent was lovely once I finally got through."],
  },
  "purchase-online-store": {
    csat: 3.2,
    weight: 5,
    effort: true,
    low: ["The cart is really hard to use on my phone.", "Items disappeared from my cart when I logged in.", "The size picker doesn't work on mobile.", "Kept losing my cart on the app."],
  },
  "purchase-payment": { csat: 4.1, weight: 5, effort: true, low: ["My card was declined twice, then charged twice.", "The coupon field kept clearing itself.", "No PayPal option."] },
  "purchase-support": { csat: 3.8, weight: 2, effort: true, low: ["The chat bot couldn't understand my question.", "Chat closed while I was typing."] },
  "post-purchase-delivery": {
    csat: 4.3,
    weight: 6,
    low: ["Arrived three days late and nobody told me.", "The box was crushed and one item was missing.", "Tracking said delivered but nothing came.", "Left in the rain on the porch."],
    high: ["Arrived a day early, well packed.", "Fast delivery, the tracking was spot on."],
  },
  "post-purchase-setup": {
    csat: 2.2,
    weight: 4,
    effort: true,
    low: [
      "The set-up instructions are impossible to follow.",
      "Step 4's diagram shows the wrong part.",
      "Took me two hours to assemble; the manual skips steps.",
      "Instructions are only pictures, no words. I gave up.",
      "Had to watch a stranger's video to figure out the set-up.",
    ],
    high: ["The new quick-start card made set-up easy."],
  },
  "post-purchase-returns": { csat: 3.3, weight: 2, effort: true, low: ["Returning meant printing a label and I have no printer.", "The refund took three weeks."] },
  "post-purchase-warranty": { csat: 3.6, weight: 0.8, effort: true, low: ["The warranty claim form asks for a receipt number I never got."] },
  "post-purchase-billing": { csat: 3.5, weight: 1.2, low: ["I was charged before the item shipped.", "The invoice doesn't show the discount I got."] },
  "loyalty-program": { csat: 4.6, weight: 3, low: ["Points expired without any warning."], high: ["Love the points, I use them every month.", "The birthday voucher was a nice touch."] },
  "loyalty-feedback-survey": { csat: 4.0, weight: 1, low: ["The survey was far too long."] },
  "loyalty-referrals": { csat: 4.5, weight: 1.5, low: ["My friend never got their referral discount."], high: ["Easy to share with friends, and we both got a discount."] },
};

const GENERIC = {
  low: ["Not what I expected.", "Disappointing, honestly.", "This needs work."],
  mid: ["It was fine.", "Okay, nothing special.", "Average experience."],
  high: ["Great experience, thank you!", "Quick and easy.", "Exactly what I needed.", "Really impressed."],
};

const AGE_BANDS: [string, number][] = [["18–24", 0.1], ["25–34", 0.26], ["35–44", 0.28], ["45–54", 0.18], ["55–64", 0.11], ["65+", 0.07]];
const REGIONS: [string, number][] = [["Northeast", 0.22], ["Midwest", 0.21], ["South", 0.37], ["West", 0.2]];
const PERSONAS: [string, number][] = [["Busy parent shopper", 0.5], ["Gift buyer", 0.3], ["Bargain hunter", 0.2]];

/** A small, well-known seeded generator (mulberry32): the same demo every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}
function weighted(next: () => number, items: readonly [string, number][]): string {
  let r = next() * items.reduce((n, [, w]) => n + w, 0);
  for (const [item, w] of items) if ((r -= w) <= 0) return item;
  return items[items.length - 1]![0];
}
/** A score on min…max around `mean`: a discretised normal, as survey answers look. */
function score(next: () => number, mean: number, min: number, max: number, spread = 1): number {
  const u = Math.max(next(), 1e-9);
  const gauss = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  return Math.min(max, Math.max(min, Math.round(mean + gauss * spread)));
}
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export const DEMO_RESPONSES_HEADER = "response_id,touchpoint,submitted_at,csat,nps,ces,comment,channel,age_band,region,persona";

/**
 * The export, in chunks of CSV text, for the touchpoints the demo map has (key → channel).
 * Submitted over the 365 days before `now`; the delivery dip is the month that ended
 * about four months ago.
 */
export function* demoResponsesCsv(touchpoints: ReadonlyMap<string, string>, options: { count?: number; now: Date }): Generator<string> {
  const count = options.count ?? 50_000;
  const next = random(20_261_130);
  const keys = [...touchpoints.keys()].filter((key) => PROFILES[key]);
  const weights: [string, number][] = keys.map((key) => [key, PROFILES[key]!.weight]);
  const end = options.now.getTime();
  const dipStart = end - 150 * 86_400_000;
  const dipEnd = dipStart + 30 * 86_400_000;
  let chunk = `${DEMO_RESPONSES_HEADER}\n`;
  for (let i = 1; i <= count; i++) {
    const key = weighted(next, weights);
    const profile = PROFILES[key]!;
    // Busier towards the present (the programme grew), at waking hours.
    const dayAgo = Math.floor(365 * Math.pow(next(), 1.25));
    const at = new Date(end - dayAgo * 86_400_000 - (next() * 14 + 1) * 3_600_000);
    const age = weighted(next, AGE_BANDS);
    const region = weighted(next, REGIONS);
    const persona = weighted(next, PERSONAS);
    let mean = profile.csat;
    if (key === "post-purchase-delivery" && at.getTime() >= dipStart && at.getTime() < dipEnd) mean = 2.6;
    if (key === "post-purchase-setup" && (age === "55–64" || age === "65+")) mean -= 0.4;
    if (key === "purchase-online-store" && (age === "18–24" || age === "25–34")) mean -= 0.3;
    const csat = score(next, mean, 1, 5, 0.95);
    const nps = next() < 0.6 ? score(next, (csat - 1) * 2.4 + 0.6, 0, 10, 1.3) : null;
    const ces = profile.effort && next() < 0.7 ? score(next, csat * 1.35 + 0.3, 1, 7, 0.9) : null;
    let comment = "";
    if (next() < (csat <= 2 ? 0.55 : 0.25)) {
      comment = csat <= 2 ? (next() < 0.8 ? pick(next, profile.low) : pick(next, GENERIC.low)) : csat === 3 ? pick(next, GENERIC.mid) : profile.high && next() < 0.5 ? pick(next, profile.high) : pick(next, GENERIC.high);
    }
    chunk += `demo-${String(i).padStart(6, "0")},${key},${at.toISOString()},${csat},${nps ?? ""},${ces ?? ""},${csvCell(comment)},${touchpoints.get(key)},${age},${region},${persona}\n`;
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
