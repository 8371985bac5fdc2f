"use client";
// The organization's time zone (admins): the zone its days, weeks and months are counted in on
// every screen, the API and the CLI. Saving re-counts the stored responses into the new days.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { setTimeZoneInput } from "@/server/schemas/organization";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { useToast } from "@/app/_components/ui/toast";
import { useFormErrors } from "@/app/_components/use-form-errors";

const FIELDS = ["timeZone"] as const;

/** IANA names the browser knows, with UTC (which Intl lists only under its aliases) first. */
function zoneNames(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...known])];
}

export function OrganizationTimeZone({ orgSlug, timeZone }: { orgSlug: string; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState(timeZone);
  const zones = useMemo(() => zoneNames(timeZone), [timeZone]);
  const { errors, check, onError } = useFormErrors(FIELDS);
  const save = useMutation(
    trpc.organization.setTimeZone.mutationOptions({
      onSuccess: (result) => {
        toast.success(`Days now run in ${result.timeZone}; ${result.rebucketedResponses.toLocaleString("en")} responses were re-counted.`);
        router.refresh();
      },
      onError,
    }),
  );
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const input = { orgSlug, timeZone: value };
        if (check(setTimeZoneInput, input)) save.mutate(input);
      }}
    >
      <SelectField label="Time zone" name="timeZone" value={value} onChange={(e) => setValue(e.target.value)} errors={errors.timeZone} className="min-w-72 flex-1">
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <Button type="submit" pending={save.isPending} pendingLabel="Re-counting…" disabled={value === timeZone} className="mt-[1.625rem]">
        Save time zone
      </Button>
    </form>
  );
}
