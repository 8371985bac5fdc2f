// A tiny CSAT % line per touchpoint row: the shape of the trend, not its numbers (the
// table's columns carry those). Plain SVG: dozens of rows, no axes, no interaction.
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const points = values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== null);
  if (points.length < 2) return <span className="text-xs text-slate-400">–</span>;
  const width = 88;
  const height = 24;
  const xs = (i: number) => (values.length === 1 ? width / 2 : (i / (values.length - 1)) * (width - 4) + 2);
  // CSAT % has fixed ends, so rows are comparable at a glance.
  const ys = (v: number) => height - 2 - (v / 100) * (height - 4);
  const d = points.map(([i, v], k) => `${k === 0 ? "M" : "L"}${xs(i).toFixed(1)},${ys(v).toFixed(1)}`).join(" ");
  const [lastI, lastV] = points[points.length - 1]!;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} className="block">
      <path d={d} fill="none" stroke="#6366f1" strokeWidth={1.5} strokeLinejoin="round" />
      <circle cx={xs(lastI)} cy={ys(lastV)} r={2} fill="#4f46e5" />
    </svg>
  );
}
