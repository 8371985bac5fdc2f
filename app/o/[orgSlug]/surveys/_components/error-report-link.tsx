"use client";
// The rejected rows' problems as a CSV download (line, column, message), built in the
// browser from the import's answer; cells that a spreadsheet would run as formulas are defused.
import type { ImportRowError } from "@/db/schema/surveys";
import { Button } from "@/app/_components/ui/button";
import { toCsv } from "@/lib/csv";

export function ErrorReportLink({ errors, fileName }: { errors: ImportRowError[]; fileName: string }) {
  const download = () => {
    const csv = toCsv([["line", "column", "message"], ...errors.map((e) => [e.line, e.column, e.message])]);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName.replace(/\.[^.]+$/, "")}-errors.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Button variant="secondary" onClick={download}>
      Download the error report (CSV)
    </Button>
  );
}
