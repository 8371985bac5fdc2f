// org:create — a new organization and its owner (a new account when the email is new),
// through the same services as sign-up and "New organization" in the app.
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { emailSchema } from "@/server/schemas/common";
import { passwordSchema } from "@/server/schemas/account";
import { organizationNameSchema } from "@/server/schemas/organization";
import { signUp } from "@/server/services/accounts";
import { createOrganization } from "@/server/services/organizations";
import { checked, defineCommand, withDatabase } from "./command";

export default defineCommand({
  name: "org:create",
  summary: "Create an organization with its owner; prints the organization's slug on the last line.",
  options: {
    name: { type: "string", required: true, placeholder: "name", description: "The organization's name." },
    "owner-email": { type: "string", required: true, placeholder: "email", description: "The owner; an account is created when the email is new." },
    "owner-password": { type: "string", required: true, placeholder: "password", description: "The new account's password (ignored for an existing account)." },
  },
  async run(values, io) {
    const name = checked(organizationNameSchema, values.name, "name");
    const email = checked(emailSchema, values["owner-email"], "owner-email");
    const password = checked(passwordSchema, values["owner-password"], "owner-password");
    const org = await withDatabase(async (db) => {
      const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (existing) io.out(`${email} already has an account: it becomes the owner (its password is unchanged).`);
      const userId = existing?.id ?? (await signUp(db, { name: email.split("@")[0]!, email, password })).id;
      return createOrganization(db, { userId, name });
    });
    io.out(`Created "${org.name}", owned by ${email}.`);
    io.out(org.slug);
  },
});
