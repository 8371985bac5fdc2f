// Inputs of sign-up, sign-in and the account page. Every field is capped before anything
// else looks at it, so an oversized value costs nothing (argon2 never sees it).
import { z } from "zod";
import { emailSchema } from "./common";

export const PASSWORD_MAX = 200;
const tooLong = (max: number) => `At most ${max} characters.`;

/** The length cap runs before the email check, not after it. */
const cappedEmail = z.string().max(254, tooLong(254)).pipe(emailSchema);

export const passwordSchema = z.string().min(8, "Use at least 8 characters.").max(PASSWORD_MAX, tooLong(PASSWORD_MAX));

export const signUpInput = z.object({
  name: z.string().max(100, tooLong(100)).trim().min(1, "Tell us your name."),
  email: cappedEmail,
  password: passwordSchema,
});

export const signInInput = z.object({
  email: cappedEmail,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX, tooLong(PASSWORD_MAX)),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX, tooLong(PASSWORD_MAX)),
  newPassword: passwordSchema,
});
