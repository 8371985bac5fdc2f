"use client";
// A touchpoint for readers: everything on its card and lanes, plus the description and notes
// the board has no room for.
import { CHANNEL_LABELS, SEVERITY_LABELS } from "@/db/journey-constants";
import { cn } from "@/lib/cn";
import type { BoardInsight, BoardTouchpoint } from "@/app/_components/journey-canvas/canvas-model";
import { ChannelIcon } from "@/app/_components/journey-canvas/channel-icon";
import { EmotionFace, emotionLabel } from "@/app/_components/journey-canvas/emotion";
import { insightChipClasses } from "@/app/_components/journey-canvas/tones";
import type { ReactNode } from "react";
import { MessageIcon } from "@/app/_components/icons";
import { Button } from "@/app/_components/ui/button";
import { Modal, ModalBody, ModalFooter } from "@/app/_components/ui/modal";

interface TouchpointDetailsProps {
  touchpoint: BoardTouchpoint;
  stageName: string;
  insights: readonly BoardInsight[];
  /** What customers said about it (members with the dashboards' permission). */
  customers?: ReactNode;
  onComment: () => void;
  onClose: () => void;
  /** Under each obstacle: the finding it became, or the action that makes one. */
  obstacleFooter?: (obstacle: BoardInsight) => ReactNode;
}

export function TouchpointDetails({ touchpoint, stageName, insights, customers, onComment, onClose, obstacleFooter }: TouchpointDetailsProps) {
  const obstacles = insights.filter((i) => i.kind === "obstacle");
  const opportunities = insights.filter((i) => i.kind === "opportunity");
  return (
    <Modal title={touchpoint.name} description={`Touchpoint in the stage “${stageName}”`} onClose={onClose} width="lg">
      <ModalBody>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 text-sm sm:grid-cols-4">
          <Fact label="Channel">
            <span className="inline-flex items-center gap-1.5">
              <ChannelIcon channel={touchpoint.channel} className="size-4 text-slate-400" />
              {CHANNEL_LABELS[touchpoint.channel]}
            </span>
          </Fact>
          <Fact label="Key">
            <span className="font-mono text-xs">{touchpoint.key}</span>
          </Fact>
          <Fact label="Owning team">{touchpoint.teamName ?? <span className="text-slate-400">None</span>}</Fact>
          <Fact label="Expected emotion">
            {touchpoint.expectedEmotion === null ? (
              <span className="text-slate-400">Not set</span>
            ) : (
              <span className="inline-flex items-center gap-1.5">
                <EmotionFace emotion={touchpoint.expectedEmotion} />
                {emotionLabel(touchpoint.expectedEmotion)}
              </span>
            )}
          </Fact>
        </dl>
        {customers}
        {[
          ["Description", touchpoint.description],
          ["Customer action", touchpoint.customerAction],
          ["Notes", touchpoint.notes],
        ].map(([label, text]) =>
          text ? (
            <section key={label}>
              <h3 className="text-xs font-medium text-slate-500">{label}</h3>
              <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{text}</p>
            </section>
          ) : null,
        )}
        <div className="grid gap-5 sm:grid-cols-2">
          <InsightColumn title="Obstacles" items={obstacles} kind="obstacle" footer={obstacleFooter} />
          <InsightColumn title="Opportunities" items={opportunities} kind="opportunity" />
        </div>
      </ModalBody>
      <ModalFooter>
        <Button variant="secondary" onClick={onComment}>
          <MessageIcon /> Comments
        </Button>
        <Button onClick={onClose}>Close</Button>
      </ModalFooter>
    </Modal>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-800">{children}</dd>
    </div>
  );
}

function InsightColumn({ title, items, kind, footer }: { title: string; items: readonly BoardInsight[]; kind: "obstacle" | "opportunity"; footer?: (item: BoardInsight) => ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="text-xs font-medium text-slate-500">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-400">None.</p>
      ) : (
        <ul className="mt-1.5 space-y-1.5">
          {items.map((item) => (
            <li
              key={item.id}
              className={cn(
                "rounded-r border-l-[3px] px-2.5 py-1.5 text-sm",
                insightChipClasses(kind, item.severity),
              )}
            >
              <p className="font-medium">{item.title}</p>
              <p className="text-xs opacity-75">{SEVERITY_LABELS[item.severity]}</p>
              {item.description && <p className="mt-0.5 text-xs opacity-90">{item.description}</p>}
              {footer && <div className="mt-1.5">{footer(item)}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
