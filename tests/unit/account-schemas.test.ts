// Account inputs are capped with a field error before anything else reads them.
import { describe, expect, it } from "vitest";
import { changePasswordInput, signInInput, signUpInput } from "@/server/schemas/account";
import { fieldErrorsFromIssues } from "@/server/schemas/common";

const errorsOf = (result: { success: boolean; error?: { issues: readonly { path?: readonly PropertyKey[]; message: string }[] } }) =>
  result.success ? {} : fieldErrorsFromIssues(result.error!.issues);

describe("account input caps", () => {
  const huge = "x".repeat(1_000_000);

  it("refuses oversized names, emails and passwords with a field error", () => {
    expect(errorsOf(signUpInput.safeParse({ name: huge, email: `${huge}@example.test`, password: huge }))).toEqual({
      name: ["At most 100 characters."],
      email: ["At most 254 characters."],
      password: ["At most 200 characters."],
    });
    expect(errorsOf(signInInput.safeParse({ email: "a@example.test", password: huge }))).toEqual({ password: ["At most 200 characters."] });
    expect(errorsOf(changePasswordInput.safeParse({ currentPassword: huge, newPassword: "long enough" }))).toEqual({ currentPassword: ["At most 200 characters."] });
  });

  it("accepts values at the limits", () => {
    expect(signUpInput.safeParse({ name: "n".repeat(100), email: `${"e".repeat(64)}@example.test`, password: "p".repeat(200) }).success).toBe(true);
  });
});
