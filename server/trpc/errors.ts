// The one place service errors become tRPC errors, and the shape errors take on the wire.
// Unknown errors keep their cause in the server log but reach clients only as a generic
// message.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { fieldErrorsFromIssues } from "../schemas/common";
import { DomainError, type DomainErrorCode } from "../services/errors";

const CODES: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAUTHORIZED: "UNAUTHORIZED",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODES[error.code], message: error.message, cause: error });
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

/** Field → messages from a schema validation failure (zod or any standard-schema issues). */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof DomainError) return cause.fieldErrors ?? null;
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return fieldErrorsFromIssues(issues as { path?: PropertyKey[]; message: string }[]);
}
