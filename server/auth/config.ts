// next-auth: email + password sign-in, JWT sessions. The JWT carries only identity (user
// id, the user's session version, a random session id that sign-out revokes, when they
// signed in); roles are never put in it.
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { SESSION_MAX_AGE_SECONDS } from "@/db/constants";
import { safeReturnPath } from "@/lib/return-path";
import { getDb } from "../db";
import { signInInput } from "../schemas/account";
import { authenticate, revokeSession } from "../services/accounts";
import { DomainError } from "../services/errors";
import { signInClient } from "./client";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, issueDeviceCookie } from "./device-cookie";

/** Shown as one message for every wrong combination: no hint whether the email exists. */
class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
      // The client (address, device cookie) comes from the request itself, never from the
      // submitted fields: this endpoint is public and anyone can post to it.
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await authenticate(await getDb(), parsed.data, { client: signInClient(request.headers) });
          if (!user) throw new InvalidCredentials();
          await rememberDevice(user.id, new URL(request.url).protocol === "https:");
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof DomainError && error.code === "RATE_LIMITED") throw new TooManyAttempts();
          throw error;
        }
      },
    }),
  ],
  events: {
    // Every way of signing out (the form, next-auth's own endpoint) ends the session on the
    // server too: a copy of the cookie must not outlive it.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token && typeof token.sid === "string" && typeof token.uid === "string" && typeof token.authAt === "number") {
        await revokeSession(await getDb(), { sessionId: token.sid, userId: token.uid, authenticatedAt: token.authAt });
      }
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = randomUUID();
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      const claims = { uid: token.uid, sv: token.sv, sid: token.sid, authAt: token.authAt };
      return { ...session, user: { ...session.user, id: String(token.uid ?? "") }, claims };
    },
    // Only ever back to this site, whatever reaches next-auth.
    redirect({ url, baseUrl }) {
      const base = new URL(baseUrl);
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        return baseUrl;
      }
      const path = target.origin === base.origin ? safeReturnPath(`${target.pathname}${target.search}${target.hash}`) : undefined;
      return path ? new URL(path, base).toString() : baseUrl;
    },
  },
});

/** Marks this browser as one the user signed in from (see device-cookie.ts). */
async function rememberDevice(userId: string, secure: boolean) {
  (await cookies()).set(DEVICE_COOKIE, issueDeviceCookie(userId), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
}
