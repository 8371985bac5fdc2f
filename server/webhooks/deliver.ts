// One webhook POST: the body signed (signature.ts), sent with node:http(s) whose DNS lookup
// refuses non-public addresses at connection time (address-guard.ts), no redirect followed,
// a 10-second limit. Anything but a 2xx answer is a failure the job runner retries.
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { assertDeliverable, guardedLookup } from "./address-guard";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The exact JSON text sent and signed. */
  body: string;
  allowPrivate: boolean;
  now: Date;
}

export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "WebhookDeliveryError";
  }
}

export function postWebhook(request: WebhookRequest): Promise<{ status: number }> {
  const url = new URL(request.url);
  // An address literal never goes through `lookup`: check it here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal)) {
    try {
      assertDeliverable(literal, { allowPrivate: request.allowPrivate });
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup({ allowPrivate: request.allowPrivate }),
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "user-agent": "Waymark-Webhooks/1",
          [SIGNATURE_HEADER]: signatureHeader(request.secret, request.body, request.now),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve({ status });
        else if (status >= 300 && status < 400) reject(new WebhookDeliveryError(`The receiver answered ${status} (a redirect); webhooks do not follow redirects.`, status));
        else reject(new WebhookDeliveryError(`The receiver answered ${status}.`, status));
      },
    );
    req.on("timeout", () => req.destroy(new WebhookDeliveryError(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`, null)));
    req.on("error", (error) => reject(error instanceof WebhookDeliveryError ? error : new WebhookDeliveryError(error.message, null)));
    req.end(request.body);
  });
}
