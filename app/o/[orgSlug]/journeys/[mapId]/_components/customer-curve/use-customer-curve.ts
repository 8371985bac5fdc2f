"use client";
// The customers' curve of one map: its period (a preset, or the days a link names), the
// dashboard.mapCurve query, and the figures by touchpoint the lane and the cards read. The
// period lives in the address (`?range=30d`, or `?from=…&to=…`) so a link shows the same view;
// it is written with history.replaceState, which Next keeps in step, so changing it does not
// re-render the page on the server. The figures follow the map: when its revision moves (a
// touchpoint added, moved or given another expected emotion) they are fetched again.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { DEFAULT_PRESET, presetPeriod, type CurvePoint, type CurveRange, type RangePresetId } from "./curve-model";

/** The figures are recomputed from the rollup on each change; a minute is fresh enough to look at. */
const STALE_MS = 60_000;
/** The curve compares with no other period; without from/to the server takes the last 90 days. */
const NO_COMPARISON = { compare: "none", granularity: "week" } as const;

export function useCustomerCurve(orgSlug: string, mapId: string, revision: string | null, initialRange: CurveRange) {
  const trpc = useTRPC();
  const [range, setRange] = useState<CurveRange>(initialRange);
  // The organization's today is the last day of the default period, as the server resolves it:
  // presets end there (the browser's calendar may be a day off the organization's).
  const defaultQuery = useQuery(trpc.dashboard.mapCurve.queryOptions({ orgSlug, mapId, filters: NO_COMPARISON }, { enabled: range.kind === "preset", staleTime: STALE_MS }));
  const today = defaultQuery.data?.period.to ?? null;
  const days = range.kind === "days" ? { from: range.from, to: range.to } : range.id === DEFAULT_PRESET ? {} : today ? presetPeriod(range.id, today) : null;
  const query = useQuery(
    trpc.dashboard.mapCurve.queryOptions(
      { orgSlug, mapId, filters: { ...NO_COMPARISON, ...days } },
      { enabled: days !== null, staleTime: STALE_MS, placeholderData: keepPreviousData },
    ),
  );

  // Someone changed the map: the order, the designed emotions and so the flags may have moved.
  const seenRevision = useRef(revision);
  const { refetch } = query;
  useEffect(() => {
    if (seenRevision.current === revision) return;
    seenRevision.current = revision;
    void refetch();
  }, [revision, refetch]);

  const choosePreset = (id: RangePresetId) => {
    setRange({ kind: "preset", id });
    const url = new URL(window.location.href);
    url.searchParams.delete("from");
    url.searchParams.delete("to");
    if (id === DEFAULT_PRESET) url.searchParams.delete("range");
    else url.searchParams.set("range", id);
    window.history.replaceState(window.history.state, "", url);
  };

  const points = useMemo(() => new Map<string, CurvePoint>((query.data?.points ?? []).map((p) => [p.touchpointId, p])), [query.data]);
  const needsToday = range.kind === "preset" && today === null;
  // A failed refetch keeps the figures already on screen; only a view with none says it failed.
  const failed = !query.data && (query.isError || (needsToday && defaultQuery.isError));
  return {
    range,
    choosePreset,
    period: query.data?.period ?? null,
    points,
    status: failed ? ("error" as const) : query.data ? ("ready" as const) : ("loading" as const),
    error: failed ? readError(query.error ?? defaultQuery.error).message : null,
    /** A new period is on its way while the last one's figures stay on screen. */
    updating: query.isPlaceholderData,
    retry: () => void (needsToday ? defaultQuery.refetch() : refetch()),
  };
}
