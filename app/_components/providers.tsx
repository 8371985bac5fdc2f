"use client";
// Client-side context for the whole app: react-query, the tRPC client and toasts.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { TRPCProvider, makeTrpcClient } from "@/lib/trpc";
import { ToastProvider } from "./ui/toast";

// zod compiles object parsers with `new Function` when it may; just probing for that is a
// script-src violation under our CSP (no 'unsafe-eval'). The forms' schemas are small, so
// the browser parses them without the compiled fast path.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  const [trpcClient] = useState(makeTrpcClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
