// The signed-in person's account: who they are, their password, and their sessions.
import type { Metadata } from "next";
import { signOutEverywhereAction } from "@/server/auth/actions";
import { requireUser } from "@/server/auth/session";
import { serverApi } from "@/server/trpc/server";
import { AppHeader } from "@/app/_components/shell/app-header";
import { Button } from "@/app/_components/ui/button";
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { orPageError } from "@/app/_lib/page-data";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user } = await requireUser("/account");
  const organizations = await orPageError((await serverApi()).account.organizations(), "/account");
  return (
    <div className="min-h-screen">
      <AppHeader user={user} organizations={organizations} />
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <PageHeader title="Account" description="Your personal details and sign-in. They are the same in every organization you belong to." />
        <div className="space-y-6">
          <Card>
            <CardHeader title="Profile" />
            <dl className="divide-y divide-slate-100">
              {[
                { label: "Name", value: user.name },
                { label: "Email", value: user.email },
                { label: "Organizations", value: organizations.length ? organizations.map((o) => o.name).join(", ") : "None yet" },
              ].map((row) => (
                <div key={row.label} className="grid gap-1 px-5 py-3.5 sm:grid-cols-[10rem_1fr]">
                  <dt className="text-sm text-slate-500">{row.label}</dt>
                  <dd className="text-sm text-slate-900">{row.value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card>
            <CardHeader title="Password" description="Use a password you do not use anywhere else." />
            <CardBody>
              <ChangePasswordForm email={user.email} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Sessions"
              description="Left signed in on a shared or lost device? End every session of your account, on every device, this one included."
            />
            <CardBody>
              <form action={signOutEverywhereAction}>
                <Button type="submit" variant="secondary">
                  Sign out everywhere
                </Button>
              </form>
            </CardBody>
          </Card>
        </div>
      </main>
    </div>
  );
}
