import type { Metadata } from "next";
import { CenteredPage, Panel } from "@/app/_components/centered-page";
import { safeReturnPath } from "@/lib/return-path";
import { AuthForm, AuthSwitch } from "../_components/auth-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const props = { callbackUrl: safeReturnPath(params.callbackUrl), email: typeof params.email === "string" ? params.email : undefined };
  return (
    <CenteredPage>
      <Panel
        title="Create your Waymark account"
        description="Map your customers’ journey, measure it and fix where they get stuck."
        footer={<AuthSwitch mode="sign-up" {...props} />}
      >
        <AuthForm mode="sign-up" {...props} />
      </Panel>
    </CenteredPage>
  );
}
