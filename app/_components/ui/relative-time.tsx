// "3 hours ago", with the exact date and time on hover. Server and browser clocks (and time
// zones) differ by a little, so the text is allowed to change when the page hydrates.
import { formatDateTime, formatRelative } from "@/lib/format";
import { cn } from "@/lib/cn";

export function RelativeTime({ date, now, className }: { date: Date; now?: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} suppressHydrationWarning className={cn("whitespace-nowrap", className)}>
      {formatRelative(date, now)}
    </time>
  );
}
