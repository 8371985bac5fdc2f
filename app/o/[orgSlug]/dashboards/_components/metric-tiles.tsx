// The overview's headline figures: the value for the period, its change against the compared
// period and whether that change is statistically significant (95%), with n and the interval
// on hover. A figure from fewer than 30 answers is greyed and marked "low sample".
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/lib/cn";
import { METRIC_INFO, figureTitle, formatChange, formatFigure, formatPeriod, type FigureView, type MetricId } from "../_lib/metrics";

export interface TileView {
  metric: MetricId;
  figure: FigureView;
  previous: number | null;
  change: number | null;
  /** null when there is nothing to compare with. */
  significant: boolean | null;
}

export function MetricTiles({ tiles, period }: { tiles: TileView[]; period: { from: string; to: string; compareFrom: string | null; compareTo: string | null } }) {
  const compared = period.compareFrom && period.compareTo ? formatPeriod(period.compareFrom, period.compareTo) : null;
  const comparing = compared !== null;
  return (
    <section aria-label="Headline figures">
      <p className="mb-2 text-xs text-slate-500">
        {formatPeriod(period.from, period.to)}
        {comparing ? `, compared with ${compared}; a change is marked significant when a two-sided test at 95% says so` : ", not compared with another period"}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {tiles.map((tile) => (
          <MetricTile key={tile.metric} tile={tile} comparing={comparing} />
        ))}
      </dl>
    </section>
  );
}

function MetricTile({ tile, comparing }: { tile: TileView; comparing: boolean }) {
  const info = METRIC_INFO[tile.metric];
  const { figure } = tile;
  // With no answers at all there is nothing to grey: the dash says it.
  const faint = figure.lowSample && figure.n > 0 && tile.metric !== "responses";
  return (
    <div className="min-w-0 rounded-lg bg-white px-4 py-3.5 shadow-sm ring-1 ring-slate-200 sm:px-5 sm:py-4" title={tile.metric === "responses" ? undefined : figureTitle(tile.metric, figure)}>
      <dt className="flex items-center justify-between gap-2 text-sm font-medium text-slate-500">
        <span>{info.label}</span>
        {faint && <Badge tone="amber">low sample</Badge>}
      </dt>
      <dd className={cn("mt-1 text-2xl font-semibold tracking-tight sm:text-3xl", faint ? "text-slate-400" : "text-slate-900")} data-metric={tile.metric}>
        {formatFigure(tile.metric, figure.value)}
      </dd>
      <dd className="mt-1 text-xs text-slate-500">{tile.metric === "responses" ? info.short : `${info.short} · n = ${figure.n.toLocaleString("en-US")}`}</dd>
      {tile.metric !== "responses" && figure.interval && (
        <dd className="mt-0.5 text-xs text-slate-500">
          95% interval {formatFigure(tile.metric, figure.interval.low)} to {formatFigure(tile.metric, figure.interval.high)}
        </dd>
      )}
      {comparing && (
        <dd className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
          <Change metric={tile.metric} change={tile.change} />
          <span className="text-slate-500">vs {formatFigure(tile.metric, tile.previous)}</span>
          {tile.significant !== null && tile.metric !== "responses" && (
            <Badge tone={tile.significant ? "indigo" : "slate"}>{tile.significant ? "significant" : "not significant"}</Badge>
          )}
        </dd>
      )}
    </div>
  );
}

function Change({ metric, change }: { metric: MetricId; change: number | null }) {
  if (change === null) return <span className="font-medium text-slate-400">no earlier data</span>;
  const tone = change > 0 ? "text-emerald-700" : change < 0 ? "text-red-700" : "text-slate-600";
  return (
    <span className={cn("font-semibold", tone)}>
      <span aria-hidden>{change > 0 ? "▲ " : change < 0 ? "▼ " : ""}</span>
      {formatChange(metric, change)}
    </span>
  );
}
