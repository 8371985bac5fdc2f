import type { Metadata } from "next";
import { CenteredPage, Panel } from "@/app/_components/centered-page";
import { FormAlert } from "@/app/_components/ui/field";
import { safeReturnPath } from "@/lib/return-path";
import { AuthForm, AuthSwitch } from "../_components/auth-form";

export const metadata: Metadata = { title: "Sign in" };

// No redirect for signed-in visitors: a session refused by one organization (role changed)
// is sent here and must be able to sign in again.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const props = { callbackUrl: safeReturnPath(params.callbackUrl), email: typeof params.email === "string" ? params.email : undefined };
  return (
    <CenteredPage>
      <Panel title="Sign in to Waymark" description="Welcome back. Pick up where your team left off." footer={<AuthSwitch mode="sign-in" {...props} />}>
        {params.notice === "password-changed" && (
          <div className="mb-5">
            <FormAlert tone="success">Your password was changed and you were signed out everywhere. Sign in with your new password.</FormAlert>
          </div>
        )}
        {params.notice === "signed-out-everywhere" && (
          <div className="mb-5">
            <FormAlert tone="success">You were signed out on every device, this one included.</FormAlert>
          </div>
        )}
        <AuthForm mode="sign-in" {...props} />
      </Panel>
    </CenteredPage>
  );
}
