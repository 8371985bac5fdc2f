// Shared maps are for the people a link was sent to, not for search engines; and the token
// in the address must not leak to other sites through the Referer header.
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export default function SharedMapLayout({ children }: { children: ReactNode }) {
  return children;
}
