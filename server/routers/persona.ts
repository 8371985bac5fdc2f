// Personas: the customer types journeys are mapped for.
import { createPersonaInput, deletePersonaInput, updatePersonaInput } from "../schemas/persona";
import { createPersona, deletePersona, listPersonas, updatePersona } from "../services/personas";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const personaRouter = router({
  list: orgProcedure("persona.read").query(({ ctx }) => listPersonas(ctx.db, ctx.org)),
  create: orgProcedure("persona.edit").input(createPersonaInput).mutation(({ ctx, input }) => createPersona(ctx.db, ctx.org, input)),
  update: orgProcedure("persona.edit").input(updatePersonaInput).mutation(({ ctx, input }) => updatePersona(ctx.db, ctx.org, input)),
  delete: orgProcedure("persona.edit").input(deletePersonaInput).mutation(({ ctx, input }) => deletePersona(ctx.db, ctx.org, input)),
});
