"use client";
// A read-only value with a copy button (invitation links, later API keys).
import { useId, useState } from "react";
import { CheckIcon, CopyIcon } from "../icons";
import { Button } from "./button";
import { controlClasses } from "./field";
import { useToast } from "./toast";
import { cn } from "@/lib/cn";

export function CopyField({ label, value, copyLabel = "Copy" }: { label: string; value: string; copyLabel?: string }) {
  const id = useId();
  const toast = useToast();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the text stays selectable.
      toast.error("Could not copy automatically. Select the text and copy it.");
    }
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={cn(controlClasses, "font-mono text-xs")} />
        <Button variant="secondary" onClick={copy} className="shrink-0">
          {copied ? <CheckIcon className="size-4 text-emerald-600" /> : <CopyIcon className="size-4" />}
          {copied ? "Copied" : copyLabel}
        </Button>
      </div>
    </div>
  );
}
