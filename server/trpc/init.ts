// tRPC initialisation: superjson, an error formatter that returns field errors and hides
// internal ones, and procedure metadata (scope + permission) that tests read to sweep
// every procedure.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Permission } from "../auth/permissions";
import type { Context } from "./context";
import { GENERIC_ERROR_MESSAGE, fieldErrorsOf } from "./errors";

export interface ProcedureMeta {
  /** public: anyone; user: signed in; org: signed-in member of the organization in the input. */
  scope: "public" | "user" | "org";
  permission?: Permission;
}

export const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      if (internal) console.error("[trpc] internal error", error.cause ?? error);
      return {
        message: internal ? GENERIC_ERROR_MESSAGE : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: internal ? null : fieldErrorsOf(error.cause),
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
