"use client";
// The customers' curve on the canvas: the strip that explains it above the board, and what the
// board draws with it (the curve in the emotion lane, the figures on each card). Given to the
// board through `children`, so the board stays the plain component the share page renders too.
import { useMemo, type ReactNode } from "react";
import { dashboardFiltersToQuery } from "@/server/schemas/dashboard";
import type { EmotionLaneGeometry } from "@/app/_components/journey-canvas/journey-board";
import type { MapCanvasData } from "../use-map-canvas";
import { CardEvidence } from "./card-evidence";
import { CurveBar } from "./curve-bar";
import { CustomerCurveChart } from "./customer-curve-chart";
import { curveCounts, presetOfRange, rangeLabel, type CurveRange } from "./curve-model";
import { TouchpointEvidence } from "./touchpoint-evidence";
import { useCustomerCurve } from "./use-customer-curve";

export interface CurveOnBoard {
  emotionOverlay: (lane: EmotionLaneGeometry) => ReactNode;
  cardFooter: (touchpointId: string) => ReactNode;
  /** The figures spelled out, for the touchpoint's details dialog. */
  details: (touchpointId: string) => ReactNode;
}

interface CustomerCurveProps {
  orgSlug: string;
  mapId: string;
  canvas: MapCanvasData;
  /** Whether this member may read the satisfaction figures; without it the board is drawn as before. */
  enabled: boolean;
  initialRange: CurveRange;
  children: (curve: CurveOnBoard | null) => ReactNode;
}

export function CustomerCurve({ enabled, children, ...props }: CustomerCurveProps) {
  if (!enabled) return children(null);
  return <EnabledCurve {...props}>{children}</EnabledCurve>;
}

function EnabledCurve({ orgSlug, mapId, canvas, initialRange, children }: Omit<CustomerCurveProps, "enabled">) {
  const curve = useCustomerCurve(orgSlug, mapId, canvas.revision, initialRange);
  const { points, period, status } = curve;
  const names = useMemo(() => new Map(canvas.touchpoints.map((t) => [t.id, t.name])), [canvas.touchpoints]);
  const query = period ? `?${dashboardFiltersToQuery({ from: period.from, to: period.to })}` : "";
  const dashboardHref = (touchpointId: string) => `/o/${orgSlug}/dashboards/touchpoints/${touchpointId}${query}`;

  const onBoard: CurveOnBoard = {
    emotionOverlay: (lane) => (status === "ready" ? <CustomerCurveChart lane={lane} points={points} names={names} /> : null),
    cardFooter: (touchpointId) => (
      <CardEvidence
        touchpointName={names.get(touchpointId) ?? ""}
        point={points.get(touchpointId)}
        loading={status === "loading"}
        href={dashboardHref(touchpointId)}
      />
    ),
    details: (touchpointId) => <TouchpointEvidence point={points.get(touchpointId)} href={dashboardHref(touchpointId)} periodLabel={rangeLabel(curve.range)} />,
  };

  return (
    <>
      <CurveBar
        preset={presetOfRange(curve.range)}
        customLabel={rangeLabel(curve.range)}
        period={period}
        onPreset={curve.choosePreset}
        status={status}
        error={curve.error}
        onRetry={curve.retry}
        updating={curve.updating}
        counts={curveCounts(canvas.touchpoints, points)}
      />
      {children(onBoard)}
    </>
  );
}
