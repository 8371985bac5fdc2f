import { z } from "zod";
import { orgScoped } from "./common";

export const listActivityInput = orgScoped.extend({
  /** created_at of the last event of the previous page. */
  before: z.date().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
