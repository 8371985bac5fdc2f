// Saving something the browser made (an export) as a file.
import { kebabCase } from "@/lib/slug";

/** A map name as a file name, spelled like the server's CSV file name. */
export function fileBaseName(name: string): string {
  return kebabCase(name, 80) || "journey-map";
}

export function downloadUrl(url: string, filename: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, filename);
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
