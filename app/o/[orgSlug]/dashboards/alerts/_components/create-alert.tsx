"use client";
// "New alert" at the top of the list (`?new`).
import { useRouter } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { AlertForm, type TouchpointOption } from "./alert-form";

export function CreateAlert({ orgSlug, touchpoints, closeHref }: { orgSlug: string; touchpoints: TouchpointOption[]; closeHref: string }) {
  const router = useRouter();
  const close = () => router.replace(closeHref);
  return (
    <Card className="mb-6 ring-indigo-200">
      <CardHeader title="New alert" description="Watch one figure of a touchpoint. When it crosses the threshold, the team that owns the touchpoint gets a notification." />
      <CardBody className="py-5">
        <AlertForm orgSlug={orgSlug} touchpoints={touchpoints} onCancel={close} onDone={close} />
      </CardBody>
    </Card>
  );
}
