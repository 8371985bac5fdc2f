import { z } from "zod";
import { emailSchema } from "./common";

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(200, "At most 200 characters.");

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Tell us your name.").max(100, "At most 100 characters."),
  email: emailSchema,
  password: passwordSchema,
});

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: passwordSchema,
});
