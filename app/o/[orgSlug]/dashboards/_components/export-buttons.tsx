"use client";
// Exports of a dashboard screen: a table as CSV (through the shared CSV writer, which defuses
// spreadsheet formulas in names and comments) and a chart as PNG (html-to-image, the library
// the journey canvas export uses).
import { useState, type RefObject } from "react";
import { buttonClasses } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";
import { toCsv } from "@/lib/csv";
import { kebabCase } from "@/lib/slug";
import { downloadBlob, downloadUrl } from "../../journeys/[mapId]/_components/panels/download";

type Cell = string | number | null | undefined;

const fileName = (title: string, extension: string) => `${kebabCase(title, 80) || "dashboard"}-${new Date().toISOString().slice(0, 10)}.${extension}`;

export function CsvButton({ title, header, rows }: { title: string; header: string[]; rows: Cell[][] }) {
  return (
    <button
      type="button"
      className={buttonClasses("ghost", "sm")}
      disabled={rows.length === 0}
      onClick={() => downloadBlob(new Blob([toCsv([header, ...rows])], { type: "text/csv;charset=utf-8" }), fileName(title, "csv"))}
    >
      CSV
    </button>
  );
}

export function PngButton({ title, target }: { title: string; target: RefObject<HTMLElement | null> }) {
  const toast = useToast();
  const [running, setRunning] = useState(false);
  async function run() {
    const node = target.current;
    if (!node) return;
    setRunning(true);
    try {
      const { toPng } = await import("html-to-image");
      downloadUrl(await toPng(node, { pixelRatio: 2, backgroundColor: "#fff", filter: (n) => !(n instanceof HTMLElement && n.dataset.exportSkip !== undefined) }), fileName(title, "png"));
    } catch {
      toast.error("The chart could not be drawn as a picture. Try again.");
    } finally {
      setRunning(false);
    }
  }
  return (
    <button type="button" className={buttonClasses("ghost", "sm")} onClick={run} disabled={running} aria-busy={running || undefined}>
      {running ? "Drawing…" : "PNG"}
    </button>
  );
}
