import { z } from "zod";
import { AGE_BANDS, CHANNELS } from "@/db/journey-constants";
import { idSchema, orgScoped, versionSchema } from "./common";
import { cappedText, LIST_LIMITS, requiredText, TEXT_LIMITS } from "./limits";

/** Goals and pains: one per line in the form, a list here. Blank lines are dropped. */
const lines = z
  .array(cappedText(TEXT_LIMITS.personaListItem))
  .max(LIST_LIMITS.personaList, `At most ${LIST_LIMITS.personaList} items.`)
  .transform((items) => items.filter((item) => item.length > 0));

export const personaFields = {
  name: requiredText(TEXT_LIMITS.personaName, "Give the persona a name."),
  description: cappedText(TEXT_LIMITS.personaDescription).default(""),
  demographics: z
    .object({
      ageBand: z.enum(AGE_BANDS, "Pick an age band.").optional(),
      location: cappedText(TEXT_LIMITS.personaFact).optional(),
      occupation: cappedText(TEXT_LIMITS.personaFact).optional(),
      income: cappedText(TEXT_LIMITS.personaFact).optional(),
    })
    .default({}),
  goals: lines.default([]),
  pains: lines.default([]),
  preferredChannels: z.array(z.enum(CHANNELS, "Unknown channel.")).max(CHANNELS.length, "Each channel at most once.").default([]),
};

export const createPersonaInput = orgScoped.extend(personaFields);
export const updatePersonaInput = orgScoped.extend({ personaId: idSchema, version: versionSchema, ...personaFields });
export const deletePersonaInput = orgScoped.extend({ personaId: idSchema });
