// One figure in a table cell: the value, its n beneath, greyed and marked when the sample is
// too small to trust, with the 95% interval on hover.
import { cn } from "@/lib/cn";
import { figureTitle, formatFigure, type FigureView, type MetricId } from "../_lib/metrics";

export function FigureCell({ metric, figure, className }: { metric: MetricId; figure: FigureView; className?: string }) {
  return (
    <td className={cn("px-3 py-2.5 text-right whitespace-nowrap tabular-nums", className)} title={figureTitle(metric, figure)} data-low-sample={figure.lowSample || undefined}>
      <span className={cn("block font-medium", figure.lowSample ? "text-slate-400" : "text-slate-900")}>
        {formatFigure(metric, figure.value)}
        {figure.lowSample && figure.n > 0 && <sup className="ml-0.5 text-[10px] font-semibold text-amber-600">low n</sup>}
      </span>
      <span className="block text-[11px] text-slate-400">n {figure.n.toLocaleString("en-US")}</span>
    </td>
  );
}
