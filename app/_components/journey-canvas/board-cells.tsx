// The cells of the board's grid: the sticky row labels, a touchpoint's cells in each lane,
// and the small pieces the board draws between them (drop indicator, add buttons).
import type { ReactNode } from "react";
import { CHANNEL_LABELS, SEVERITY_LABELS } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import type { BoardInsight, BoardTouchpoint } from "./canvas-model";
import { ChannelIcon } from "./channel-icon";
import { insightChipClasses } from "./tones";
import { SparkIcon } from "./touchpoint-card";

/** The lanes under the cards, top to bottom. The stage headers and the cards take grid rows 1 and 2. */
export const LANES = [
  { key: "channel", label: "Channel" },
  { key: "action", label: "Customer action" },
  { key: "emotion", label: "Emotion" },
  { key: "obstacles", label: "Obstacles" },
  { key: "opportunities", label: "Opportunities" },
  { key: "team", label: "Owning team" },
] as const;
export type LaneKey = (typeof LANES)[number]["key"];

export const laneRow = (lane: LaneKey) => String(3 + LANES.findIndex((l) => l.key === lane));

/** `flush`: no vertical padding, for content that must line up with its row (the emotion axis). */
export function RowLabel({ row, flush, children, className }: { row: string; flush?: boolean; children: ReactNode; className?: string }) {
  return (
    <div
      className={cn(
        "sticky left-0 z-20 flex flex-col border-r border-slate-200 bg-slate-50 px-3 shadow-[4px_0_8px_-6px_rgba(15,23,42,0.15)]",
        !flush && "py-2.5",
        className,
      )}
      style={{ gridColumn: "1", gridRow: row }}
    >
      {children}
    </div>
  );
}

/** A touchpoint's cell in every lane but the emotion curve, which is drawn across the whole journey. */
export function touchpointLaneCells(
  touchpoint: BoardTouchpoint,
  insights: readonly BoardInsight[],
  col: string,
  /** Opens the conversation about one obstacle or opportunity; without it the lanes only show them. */
  onOpenInsight?: (insightId: string) => void,
): ReactNode[] {
  return [
    <LaneCell key={`channel-${touchpoint.id}`} col={col} lane="channel">
      <span className="flex items-center gap-1.5 text-xs text-slate-700">
        <ChannelIcon channel={touchpoint.channel} className="size-4 text-slate-400" />
        {CHANNEL_LABELS[touchpoint.channel]}
      </span>
    </LaneCell>,
    <LaneCell key={`action-${touchpoint.id}`} col={col} lane="action">
      {touchpoint.customerAction ? (
        <p className="line-clamp-4 text-xs leading-snug text-slate-700" title={touchpoint.customerAction}>
          {touchpoint.customerAction}
        </p>
      ) : (
        <Missing />
      )}
    </LaneCell>,
    <LaneCell key={`obstacles-${touchpoint.id}`} col={col} lane="obstacles">
      <InsightList items={insights.filter((o) => o.kind === "obstacle")} kind="obstacle" onOpen={onOpenInsight} />
    </LaneCell>,
    <LaneCell key={`opportunities-${touchpoint.id}`} col={col} lane="opportunities">
      <InsightList items={insights.filter((o) => o.kind === "opportunity")} kind="opportunity" onOpen={onOpenInsight} />
    </LaneCell>,
    <LaneCell key={`team-${touchpoint.id}`} col={col} lane="team">
      {touchpoint.teamName ? (
        <span className="inline-flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700" title={touchpoint.teamName}>
          <span className="size-1.5 shrink-0 rounded-full bg-slate-400" />
          <span className="truncate">{touchpoint.teamName}</span>
        </span>
      ) : (
        <Missing />
      )}
    </LaneCell>,
  ];
}

function LaneCell({ col, lane, children }: { col: string; lane: LaneKey; children: ReactNode }) {
  return (
    <div className="min-w-0 px-3 py-2.5" style={{ gridColumn: col, gridRow: laneRow(lane) }}>
      {children}
    </div>
  );
}

function InsightList({ items, kind, onOpen }: { items: readonly BoardInsight[]; kind: "obstacle" | "opportunity"; onOpen?: (insightId: string) => void }) {
  if (items.length === 0) return <Missing />;
  return (
    <ul className="space-y-1.5">
      {items.map((item) => {
        const label = (
          <>
            {kind === "opportunity" && <SparkIcon className="mr-1 inline size-3 -translate-y-px text-emerald-600" />}
            <span className="sr-only">{`${SEVERITY_LABELS[item.severity]} ${kind === "obstacle" ? "severity" : "impact"}: `}</span>
            {item.title}
          </>
        );
        const chip = cn("block w-full rounded-r border-l-[3px] px-2 py-1 text-left text-[11.5px] leading-snug", insightChipClasses(kind, item.severity));
        return (
          <li key={item.id}>
            {onOpen ? (
              <button
                type="button"
                title={`${SEVERITY_LABELS[item.severity]}: ${item.title}. Open its comments.`}
                onClick={() => onOpen(item.id)}
                className={cn(chip, "cursor-pointer hover:brightness-95 focus-visible:outline-2 focus-visible:outline-indigo-600")}
              >
                {label}
              </button>
            ) : (
              <div title={`${SEVERITY_LABELS[item.severity]}: ${item.title}`} className={chip}>
                {label}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Missing() {
  return <span className="text-xs text-slate-300">—</span>;
}

/** Where a dragged card or stage would land. */
export function DropBar({ side, tall }: { side: "left" | "right"; tall?: boolean }) {
  return (
    <span
      aria-hidden
      data-drop-indicator
      className={cn(
        "pointer-events-none absolute z-30 w-1 rounded-full bg-indigo-500 shadow-[0_0_0_3px_rgba(99,102,241,0.2)]",
        tall ? "top-1 bottom-1" : "top-1 bottom-3",
        side === "left" ? "-left-0.5" : "-right-0.5",
      )}
    />
  );
}

export function addButtonClasses(extra: string) {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md border border-dashed border-slate-300 bg-white/70 text-xs font-medium text-slate-600 hover:border-indigo-400 hover:bg-indigo-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600",
    extra,
  );
}
