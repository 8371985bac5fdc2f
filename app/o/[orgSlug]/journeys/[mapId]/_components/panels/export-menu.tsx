"use client";
// The map's "Export" menu: a JSON document that re-imports as a copy, a CSV of touchpoints
// for spreadsheets, and a PNG picture of the whole board drawn in the browser.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { buttonClasses } from "@/app/_components/ui/button";
import { menuItemClasses } from "@/app/_components/ui/menu";
import { useToast } from "@/app/_components/ui/toast";
import { useDismiss } from "@/app/_components/use-dismiss";
import { downloadBlob, downloadUrl, fileBaseName } from "./download";

interface ExportMenuProps {
  orgSlug: string;
  mapId: string;
  mapName: string;
  /** The id of the board element the PNG is drawn from. */
  boardElementId: string;
}

type Format = "json" | "csv" | "png";

const ITEMS: { format: Format; label: string; description: string }[] = [
  { format: "json", label: "JSON (re-importable)", description: "Everything on the map; import it as a copy here or in another organization." },
  { format: "csv", label: "CSV of touchpoints", description: "One row per touchpoint, for spreadsheets." },
  { format: "png", label: "PNG picture", description: "The whole board as an image, for slides and documents." },
];

export function ExportMenu({ orgSlug, mapId, mapName, boardElementId }: ExportMenuProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState<Format | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [open]);
  useDismiss(open, root, () => setOpen(false));

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === "Escape") {
      // Handled here so a panel behind the menu does not close too.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      trigger.current?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  async function run(format: Format) {
    setOpen(false);
    setRunning(format);
    const base = fileBaseName(mapName);
    try {
      if (format === "json") {
        const mapDocument = await queryClient.fetchQuery({ ...trpc.journeyMap.exportJson.queryOptions({ orgSlug, mapId }), staleTime: 0 });
        downloadBlob(new Blob([JSON.stringify(mapDocument, null, 2)], { type: "application/json" }), `${base}.waymark.json`);
      } else if (format === "csv") {
        const { filename, csv } = await queryClient.fetchQuery({ ...trpc.journeyMap.exportCsv.queryOptions({ orgSlug, mapId }), staleTime: 0 });
        // The byte-order mark makes Excel read the file as UTF-8 (names with accents, “quotes”).
        downloadBlob(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }), filename);
      } else {
        downloadUrl(await drawBoard(boardElementId), `${base}.png`);
      }
    } catch (error) {
      toast.error(format === "png" ? pictureError(error) : `The export failed. ${readError(error).message}`);
    } finally {
      setRunning(null);
    }
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-label="Export"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={running !== null || undefined}
        disabled={running !== null}
        onClick={() => setOpen((value) => !value)}
        className={buttonClasses("secondary", "sm")}
      >
        {running ? <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" /> : <DownloadIcon />}
        {running ? "Exporting…" : "Export"}
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Export"
          onKeyDown={onMenuKey}
          className="absolute top-full right-0 z-40 mt-2 w-72 rounded-lg bg-white py-1.5 shadow-lg ring-1 ring-slate-200"
        >
          {ITEMS.map((item) => (
            <button key={item.format} type="button" role="menuitem" aria-describedby={`${menuId}-${item.format}`} onClick={() => run(item.format)} className={`${menuItemClasses} flex-col items-start gap-0.5`}>
              <span className="font-medium text-slate-900">{item.label}</span>
              <span id={`${menuId}-${item.format}`} className="text-xs text-slate-500">
                {item.description}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The whole board as a PNG data URL, including what is scrolled out of view. */
async function drawBoard(boardElementId: string): Promise<string> {
  const board = document.getElementById(boardElementId);
  if (!board) throw new BoardMissing();
  const { toPng } = await import("html-to-image");
  return toPng(board, {
    pixelRatio: 2,
    backgroundColor: "#fff",
    // The board scrolls sideways: the picture takes its full content size, not the visible part.
    width: board.scrollWidth,
    height: board.scrollHeight,
    // The board's editing controls (marked data-board-control: add buttons, menus, "Add stage") stay out of the picture.
    filter: (node) => !(node instanceof HTMLElement && node.dataset.boardControl !== undefined),
  });
}

class BoardMissing extends Error {}

function pictureError(error: unknown): string {
  if (error instanceof BoardMissing) return "There is no board to draw yet. Wait for the map to load, then try again.";
  return "The picture could not be drawn. Try again, or export as JSON or CSV instead.";
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden className="size-4">
      <path d="M12 4v11M7.5 10.5 12 15l4.5-4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </svg>
  );
}
