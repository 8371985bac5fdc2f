// Reading a REST request's JSON body and query string against a zod schema: capped before
// it is read, UTF-8 checked, and every problem a 400 naming its field.
import type { z } from "zod";
import { fieldErrorsFromIssues } from "../schemas/common";
import { DomainError } from "../services/errors";
import { BodyTooLargeError, readBodyCapped } from "./body-limit";

/** A body in a type the route does not take: 415 through the REST adapter. */
export class UnsupportedMediaTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedMediaTypeError";
  }
}

const invalidRequest = (message: string, fields?: Record<string, string[]>) => new DomainError("VALIDATION", message, fields);

function checked<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(`${what} is not valid: ${parsed.error.issues[0]!.message}`, fieldErrorsFromIssues(parsed.error.issues));
  return parsed.data;
}

export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new UnsupportedMediaTypeError(`Send application/json${type ? `, not ${type}` : " (the Content-Type header is missing)"}.`);
  const body = await readBodyCapped(request, maxBytes);
  if (!body.ok) throw new BodyTooLargeError(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.bytes));
  } catch {
    throw invalidRequest("The body is not valid JSON.");
  }
  return checked(schema, value, "The body");
}

export function readQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
  return checked(schema, Object.fromEntries(url.searchParams), "The query string");
}
