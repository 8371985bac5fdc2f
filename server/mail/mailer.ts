// Sending email with nodemailer over the SMTP server the operator configures
// (WAYMARK_SMTP_URL). Without one, each email is written to the server log in full, so a
// notification is never silently dropped on a machine that has no mail set up.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<{ delivered: "smtp" | "log"; messageId: string | null }>;
}

/** A mailer for an SMTP URL, or one that logs when the URL is null. */
export function createMailer(options: { smtpUrl: string | null; from: string; log?: (line: string) => void }): Mailer {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const log = options.log ?? ((line: string) => console.info(line));
  return {
    async send(email) {
      if (!transport) {
        log(`[mail] No SMTP server is configured (WAYMARK_SMTP_URL); this email was not sent.\nTo: ${email.to}\nSubject: ${email.subject}\n\n${email.text}`);
        return { delivered: "log", messageId: null };
      }
      const info = await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text });
      return { delivered: "smtp", messageId: info.messageId ?? null };
    },
  };
}

let shared: Mailer | undefined;

/** The app's mailer, from the environment. */
export function appMailer(): Mailer {
  shared ??= createMailer({ smtpUrl: env().WAYMARK_SMTP_URL ?? null, from: env().WAYMARK_MAIL_FROM });
  return shared;
}

/** The app's address for links in emails (WAYMARK_ORIGIN, else AUTH_URL), or null. */
export function appOrigin(): string | null {
  return process.env.WAYMARK_ORIGIN || process.env.AUTH_URL || null;
}
