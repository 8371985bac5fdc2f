// API keys of the organization, for admins: list, create (the key is in the answer, once), revoke.
import { createApiKeyInput, revokeApiKeyInput } from "../schemas/api-keys";
import { createApiKey, listApiKeys, revokeApiKey } from "../services/api-keys";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const apiKeyRouter = router({
  list: orgProcedure("apiKey.manage").query(({ ctx }) => listApiKeys(ctx.db, ctx.org)),
  create: orgProcedure("apiKey.manage")
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.org, input)),
  revoke: orgProcedure("apiKey.manage")
    .input(revokeApiKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.org, input)),
});
