// next-auth: email + password sign-in, JWT sessions. The JWT carries only identity (user
// id, the user's session version, when they signed in); roles are never put in it.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { signInInput } from "../schemas/account";
import { authenticate } from "../services/accounts";
import { DomainError } from "../services/errors";

/** Shown as one message for every wrong combination: no hint whether the email exists. */
class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await authenticate(await getDb(), parsed.data);
          if (!user) throw new InvalidCredentials();
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof DomainError && error.code === "RATE_LIMITED") throw new TooManyAttempts();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      const claims = { uid: token.uid, sv: token.sv, authAt: token.authAt };
      return { ...session, user: { ...session.user, id: String(token.uid ?? "") }, claims };
    },
  },
});
