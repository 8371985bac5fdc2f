import { z } from "zod";
import { orgScoped } from "./common";

export const listActivityInput = orgScoped.extend({
  /** Opaque position after which the next page starts (`nextCursor` of the previous page). */
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
