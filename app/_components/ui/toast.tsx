"use client";
// Toasts: short confirmations and the errors that do not belong to a form field.
import Link from "next/link";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { AlertIcon, CheckIcon, XIcon } from "../icons";

type Tone = "success" | "error";
/** Where the thing a toast announces can be opened, e.g. the finding just created. */
export interface ToastLink {
  href: string;
  label: string;
}
interface Toast {
  id: number;
  tone: Tone;
  message: string;
  link?: ToastLink;
}
interface ToastApi {
  success: (message: string, link?: ToastLink) => void;
  error: (message: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs <ToastProvider>.");
  return api;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (tone: Tone, message: string, link?: ToastLink) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-2), { id, tone, message, link }]);
      // Errors stay longer: they usually need reading; so does a toast offering a link to follow.
      setTimeout(() => dismiss(id), tone === "error" || link ? 8000 : 4000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(() => ({ success: (m, link) => push("success", m, link), error: (m) => push("error", m) }), [push]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed bottom-4 left-1/2 z-50 flex w-full max-w-sm -translate-x-1/2 flex-col gap-2">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "error" ? "alert" : "status"}
            className="pointer-events-auto flex items-start gap-3 rounded-lg bg-white px-4 py-3 text-sm shadow-lg ring-1 ring-slate-200"
          >
            <span className={cn("mt-0.5 shrink-0", toast.tone === "error" ? "text-red-600" : "text-emerald-600")}>
              {toast.tone === "error" ? <AlertIcon /> : <CheckIcon />}
            </span>
            <p className="flex-1 text-slate-800">
              {toast.message}
              {toast.link && (
                <>
                  {" "}
                  <Link href={toast.link.href} className="font-medium text-indigo-700 hover:underline">
                    {toast.link.label}
                  </Link>
                </>
              )}
            </p>
            <button type="button" onClick={() => dismiss(toast.id)} className="shrink-0 text-slate-400 hover:text-slate-600" aria-label="Dismiss">
              <XIcon />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
