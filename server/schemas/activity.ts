import { z } from "zod";
import { orgScoped } from "./common";
import { cappedText, LIST_LIMITS, TEXT_LIMITS } from "./limits";

export const listActivityInput = orgScoped.extend({
  /** Opaque position after which the next page starts (`nextCursor` of the previous page). */
  cursor: cappedText(TEXT_LIMITS.token).optional(),
  limit: z.number().int().min(1).max(LIST_LIMITS.page).default(50),
});
