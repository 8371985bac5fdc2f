// The Waymark logo: a waypoint pin in an indigo tile, then the name.
import Link from "next/link";
import { cn } from "@/lib/cn";

/** `compact`: below `sm` the name is only read out, not shown (the app header on a phone). */
export function Wordmark({ href = "/", className, compact = false }: { href?: string; className?: string; compact?: boolean }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600", className)}>
      <span className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-white shadow-sm">
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
          <path d="M12 21s-6.5-5.6-6.5-10.5a6.5 6.5 0 0 1 13 0C18.5 15.4 12 21 12 21z" />
          <circle cx="12" cy="10.5" r="2.25" fill="currentColor" stroke="none" />
        </svg>
      </span>
      <span className={cn("text-[15px] font-semibold tracking-tight text-slate-900", compact && "max-sm:sr-only")}>Waymark</span>
    </Link>
  );
}
