// The demo organization's journey map as data: a busy parent buying from Acme Outfitters
// online, from the first ad to recommending the store, written the way a CX team would put
// it on a wall. db/seed/demo-journey.ts writes it into the database.
import type { DEFAULT_TEAMS } from "../constants";
import { type AGE_BANDS, type Channel, type Emotion, type InsightKind, type Severity, STAGE_TEMPLATES } from "../journey-constants";

type TeamName = (typeof DEFAULT_TEAMS)[number]["name"];
type PurchaseStage = (typeof STAGE_TEMPLATES.purchase.stages)[number];

interface DemoInsight {
  kind: InsightKind;
  title: string;
  description: string;
  severity: Severity;
}

interface DemoTouchpoint {
  key: string;
  name: string;
  channel: Channel;
  description: string;
  /** By name: team ids differ per organization. */
  team: TeamName;
  customerAction: string;
  expectedEmotion: Emotion;
  notes?: string;
  insights?: DemoInsight[];
}

export interface DemoComment {
  /** The map itself, a touchpoint by key, or an obstacle by title. */
  about: "map" | { touchpoint: string } | { obstacle: string };
  /** Index into the commenters; the owner writes it when absent or when there is no such commenter. */
  by?: number;
  body: string;
}

export interface DemoJourney {
  persona: {
    name: string;
    description: string;
    demographics: { ageBand: (typeof AGE_BANDS)[number]; location: string; occupation: string };
    goals: string[];
    pains: string[];
    preferredChannels: Channel[];
  };
  map: { name: string; description: string; status: "active" };
  stages: (PurchaseStage & { touchpoints: DemoTouchpoint[] })[];
  comments: DemoComment[];
}

/** The map uses the purchase template's stages, so it reads like a map made in the app. */
function templateStage(name: PurchaseStage["name"]): PurchaseStage {
  return STAGE_TEMPLATES.purchase.stages.find((stage) => stage.name === name)!;
}

const obstacle = (title: string, severity: Severity, description: string): DemoInsight => ({ kind: "obstacle", title, severity, description });
const opportunity = (title: string, severity: Severity, description: string): DemoInsight => ({ kind: "opportunity", title, severity, description });

export const DEMO_JOURNEY: DemoJourney = {
  persona: {
    name: "Busy parent shopper",
    description:
      "Works shifts and shops for a family of four in the gaps of the day, almost always on a phone. Buys outdoor clothing and camping gear a few times a year, plus the odd birthday present.",
    demographics: { ageBand: "35–44", location: "Suburbs, 30 minutes from the nearest store", occupation: "Hospital nurse, rotating shifts" },
    goals: [
      "Get the right size the first time",
      "Finish buying in the few minutes between other jobs",
      "Know when the parcel arrives so someone is home",
      "Return what doesn't fit without a trip to the store",
    ],
    pains: [
      "Being put on hold while the children need attention",
      "Typing details into small forms on a phone",
      "Instructions that assume time and tools they don't have",
      "Hearing nothing back after paying",
    ],
    preferredChannels: ["mobile_app", "sms", "email", "chat"],
  },
  map: {
    name: "Online retail purchase journey",
    status: "active",
    description:
      "How a busy parent discovers Acme Outfitters, buys online and decides whether to come back. Obstacles come from support tickets and the spring customer survey; expected emotions are the CX team's best estimate until survey results are in.",
  },
  stages: [
    {
      ...templateStage("Awareness"),
      touchpoints: [
        {
          key: "awareness-ads",
          name: "Online ads",
          channel: "social",
          team: "Marketing",
          description: "Paid ads on social feeds and search for children's rainwear and family camping gear.",
          customerAction: "Sees an ad for a kids' rain jacket while scrolling on the bus",
          expectedEmotion: 0,
          notes: "Back-to-school and spring-camping campaigns carry most of the spend.",
        },
        {
          key: "awareness-social-posts",
          name: "Social posts",
          channel: "social",
          team: "Marketing",
          description: "Organic posts and customer photos on the brand's social accounts.",
          customerAction: "Notices a friend's photo of a family camping trip that tags the brand",
          expectedEmotion: 1,
        },
        {
          key: "awareness-word-of-mouth",
          name: "Word of mouth",
          channel: "other",
          team: "Marketing",
          description: "Recommendations from other parents, offline and in group chats.",
          customerAction: "Hears at school pick-up that the jackets survive a whole winter",
          expectedEmotion: 1,
          notes: "The most trusted source for this persona, and the one we influence least.",
        },
      ],
    },
    {
      ...templateStage("Consideration"),
      touchpoints: [
        {
          key: "consideration-website",
          name: "Website and FAQs",
          channel: "web",
          team: "Web & e-commerce",
          description: "Product pages, size guides and the FAQ, mostly visited on a phone.",
          customerAction: "Compares two jackets and looks up how the sizes run",
          expectedEmotion: 0,
          insights: [
            obstacle(
              "FAQs are written for 20-somethings",
              "medium",
              "The FAQ's tone and examples assume a single shopper in their twenties; children's sizing, family bundles and school-term delivery are not covered, so parents call instead.",
            ),
          ],
        },
        {
          key: "consideration-reviews",
          name: "Product reviews",
          channel: "web",
          team: "Product development",
          description: "Star ratings and written reviews on the product pages.",
          customerAction: "Reads reviews from other parents about durability and fit",
          expectedEmotion: 1,
        },
        {
          key: "consideration-newsletter",
          name: "Newsletter",
          channel: "email",
          team: "Marketing",
          description: "The weekly email with new arrivals and a discount code.",
          customerAction: "Opens the newsletter to find this week's discount code",
          expectedEmotion: 0,
        },
        {
          key: "consideration-contact",
          name: "Contacting the company",
          channel: "phone",
          team: "Customer service",
          description: "The customer service line, for questions the website doesn't answer.",
          customerAction: "Calls to ask whether the jacket runs small, during a short break",
          expectedEmotion: -2,
          insights: [
            obstacle(
              "Callers wait on hold longer than 5 minutes",
              "high",
              "At peak times the average hold time is over 5 minutes; parents calling from a break give up before reaching anyone, and many do not call back.",
            ),
            opportunity("Offer a call-back instead of hold", "medium", "Let callers leave a number and a time window once the queue is longer than two minutes."),
          ],
        },
      ],
    },
    {
      ...templateStage("Purchase"),
      touchpoints: [
        {
          key: "purchase-online-store",
          name: "Online store and cart",
          channel: "web",
          team: "Web & e-commerce",
          description: "Adding items to the cart and reviewing it, mostly on a phone.",
          customerAction: "Adds two jackets to the cart on a phone while waiting at swimming practice",
          expectedEmotion: -1,
          insights: [
            obstacle(
              "The cart is hard to use on mobile",
              "critical",
              "Quantity and size controls are too small to tap, and changing a size empties the line. Two thirds of carts are started on a phone; mobile abandonment is twice desktop's.",
            ),
          ],
        },
        {
          key: "purchase-payment",
          name: "Checkout and payment",
          channel: "web",
          team: "Billing",
          description: "Delivery details, discount code and payment by card or wallet.",
          customerAction: "Pays with a saved card and applies the newsletter code",
          expectedEmotion: 1,
          insights: [
            opportunity(
              "Gift wrap option at checkout",
              "medium",
              "A gift-wrap tick box with a message card, so presents can be sent straight to the birthday child.",
            ),
          ],
        },
        {
          key: "purchase-support",
          name: "Support during purchase",
          channel: "chat",
          team: "Customer service",
          description: "Live chat on the checkout pages.",
          customerAction: "Asks in chat whether the discount code works with free delivery",
          expectedEmotion: 0,
        },
      ],
    },
    {
      ...templateStage("Post-purchase"),
      touchpoints: [
        {
          key: "post-purchase-delivery",
          name: "Delivery",
          channel: "mail",
          team: "Shipping",
          description: "Dispatch and delivery updates by text, and the parcel itself.",
          customerAction: "Gets a text with a delivery slot and the parcel arrives the next day",
          expectedEmotion: 2,
          insights: [
            obstacle(
              "Gift items get lost in the packaging",
              "medium",
              "Small gift items travel loose in large boxes full of paper fill and get thrown away with it; several customers reported a 'missing' item that was in the box.",
            ),
          ],
        },
        {
          key: "post-purchase-setup",
          name: "Set-up instructions",
          channel: "other",
          team: "Product development",
          description: "The printed leaflet packed with tents and other gear that needs assembling.",
          customerAction: "Tries to pitch the new tent in the garden before the weekend trip",
          expectedEmotion: -2,
          insights: [
            obstacle(
              "Set-up instructions are unclear",
              "high",
              "The leaflet is a single diagram without words; poles and clips are not labelled, and the steps assume two adults. The top reason for calls in the week after delivery.",
            ),
            opportunity("Video set-up guide", "high", "A short video per product, linked by a QR code on the leaflet and in the delivery text."),
          ],
        },
        {
          key: "post-purchase-returns",
          name: "Returns",
          channel: "web",
          team: "Shipping",
          description: "The online returns form, label and drop-off.",
          customerAction: "Starts a return for the jacket that didn't fit and prints a label",
          expectedEmotion: -1,
          notes: "Parents without a printer have to visit a store or a library.",
          insights: [opportunity("Label-free returns by QR code", "low", "A code to show at the drop-off point instead of a printed label.")],
        },
        {
          key: "post-purchase-warranty",
          name: "Warranty",
          channel: "email",
          team: "Customer service",
          description: "Warranty claims for gear that fails within two years.",
          customerAction: "Emails a photo of a broken zip to claim a repair",
          expectedEmotion: 0,
        },
        {
          key: "post-purchase-billing",
          name: "Billing and refunds",
          channel: "email",
          team: "Billing",
          description: "The emailed receipt, the card statement and refunds for returns.",
          customerAction: "Checks that the refund for the returned jacket has reached the card",
          expectedEmotion: 0,
        },
      ],
    },
    {
      ...templateStage("Loyalty & advocacy"),
      touchpoints: [
        {
          key: "loyalty-program",
          name: "Loyalty program",
          channel: "mobile_app",
          team: "Marketing",
          description: "Points on every order and a reward on each child's birthday.",
          customerAction: "Redeems points for a birthday discount in the app",
          expectedEmotion: 2,
        },
        {
          key: "loyalty-feedback-survey",
          name: "Feedback survey",
          channel: "email",
          team: "Customer service",
          description: "The satisfaction survey after an order.",
          customerAction: "Answers a two-minute survey about the order",
          expectedEmotion: 0,
          insights: [
            obstacle(
              "No follow-up after the sale",
              "medium",
              "Nothing reaches the customer between the delivery text and the next newsletter: no check that the product works for them, and survey answers are never acknowledged.",
            ),
            opportunity("Check in a week after delivery", "medium", "A short personal message a week later: is everything working, and here is the set-up video."),
          ],
        },
        {
          key: "loyalty-referrals",
          name: "Referrals",
          channel: "social",
          team: "Marketing",
          description: "Referral links that give both families a discount.",
          customerAction: "Shares a referral link in the class parents' group chat",
          expectedEmotion: 2,
        },
      ],
    },
  ],
  // seedDemo passes the manager (customer service) and then the viewer (marketing) as commenters.
  comments: [
    {
      about: "map",
      body: "This is the starting point for this quarter's CX review. Each team: check your touchpoints and add what you see in your queue.",
    },
    {
      about: { obstacle: "Callers wait on hold longer than 5 minutes" },
      by: 0,
      body: "Monday mornings are the worst, after the weekend's deliveries. A call-back option would cover most of the peak.",
    },
    {
      about: { touchpoint: "loyalty-referrals" },
      by: 1,
      body: "Referral links shared in school chats convert better than any paid channel we track. Worth a bigger reward?",
    },
  ],
};
