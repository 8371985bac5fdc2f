"use client";
// Snoozing a finding: off the board and its queue, its SLA clock paused, until a future date;
// "Wake now" brings it back at once. Saved through the finding's update with the version read,
// so a snooze that lost a race says so and reloads, as moves do.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { readError } from "@/lib/trpc-error";
import { snoozeUntilSchema } from "@/server/schemas/findings";
import { CONFLICT_MESSAGE } from "../../_components/use-finding-move";

const FIELDS = ["snoozedUntil"] as const;
const snoozeInput = z.object({ snoozedUntil: snoozeUntilSchema });
const NO_DAY = ["Choose the day it wakes."];

/** The date picker's day, as the start of that day in the browser's time zone. */
const startOf = (day: string) => (day ? new Date(`${day}T00:00:00`) : null);
const tomorrow = () => {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

interface SnoozeControlProps {
  orgSlug: string;
  finding: { id: string; version: number; snoozedUntil: Date | null };
}

export function SnoozeControl({ orgSlug, finding }: SnoozeControlProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState("");
  const [noDay, setNoDay] = useState(false);
  const { errors, check, onError, reset } = useFormErrors(FIELDS);
  const snoozedUntil = finding.snoozedUntil ? new Date(finding.snoozedUntil) : null;
  const asleep = snoozedUntil !== null && snoozedUntil.getTime() > Date.now();

  const save = useMutation(
    trpc.finding.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(saved.snoozedUntil ? `Snoozed until ${formatDate(new Date(saved.snoozedUntil))}.` : "Woken: it is back on the board.");
        setOpen(false);
        setDay("");
        reset();
        router.refresh();
      },
      onError: (error) => {
        if (readError(error).code === "CONFLICT") {
          toast.error(CONFLICT_MESSAGE);
          router.refresh();
        } else onError(error);
      },
    }),
  );
  const send = (until: Date | null) => save.mutate({ orgSlug, findingId: finding.id, version: finding.version, snoozedUntil: until });

  if (asleep) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600" data-testid="snoozed-until">
          Snoozed until <strong className="font-semibold text-slate-900">{formatDate(snoozedUntil)}</strong>
        </span>
        <Button size="sm" variant="secondary" pending={save.isPending} onClick={() => send(null)}>
          Wake now
        </Button>
      </div>
    );
  }
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Snooze…
      </Button>
    );
  }
  return (
    <form
      noValidate
      aria-label="Snooze"
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const until = startOf(day);
        setNoDay(!until);
        if (until && check(snoozeInput, { snoozedUntil: until })) send(until);
      }}
    >
      <TextField label="Snooze until" hideLabel type="date" min={tomorrow()} value={day} onChange={(event) => (setDay(event.target.value), setNoDay(false))} errors={noDay ? NO_DAY : errors.snoozedUntil} className="w-44" />
      <Button type="submit" size="sm" pending={save.isPending}>
        Snooze until this date
      </Button>
      <Button size="sm" variant="ghost" onClick={() => (setOpen(false), reset())}>
        Cancel
      </Button>
    </form>
  );
}
