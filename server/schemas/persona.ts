import { z } from "zod";
import { AGE_BANDS, CHANNELS } from "@/db/journey-constants";
import { idSchema, orgScoped, versionSchema } from "./common";

const line = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
/** Goals and pains: one per line in the form, a list here. Blank lines are dropped. */
const lines = z
  .array(line(200))
  .max(20, "At most 20 items.")
  .transform((items) => items.filter((item) => item.length > 0));

export const personaFields = {
  name: z.string().trim().min(1, "Give the persona a name.").max(80, "At most 80 characters."),
  description: line(1000).default(""),
  demographics: z
    .object({
      ageBand: z.enum(AGE_BANDS, "Pick an age band.").optional(),
      location: line(80).optional(),
      occupation: line(80).optional(),
      income: line(80).optional(),
    })
    .default({}),
  goals: lines.default([]),
  pains: lines.default([]),
  preferredChannels: z.array(z.enum(CHANNELS, "Unknown channel.")).max(CHANNELS.length).default([]),
};

export const createPersonaInput = orgScoped.extend(personaFields);
export const updatePersonaInput = orgScoped.extend({ personaId: idSchema, version: versionSchema, ...personaFields });
export const deletePersonaInput = orgScoped.extend({ personaId: idSchema });
