// Inputs of the background jobs list (admins).
import { z } from "zod";
import { orgScoped } from "./common";

export const listJobsInput = orgScoped.extend({ limit: z.number().int().min(1).max(100).default(50) });
