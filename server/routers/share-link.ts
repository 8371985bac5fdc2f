// Read-only share links for a map.
import { shareLinkInput } from "../schemas/collaboration";
import { mapInput } from "../schemas/journey-map";
import { createShareLink, listShareLinks, revokeShareLink } from "../services/share-links";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const shareLinkRouter = router({
  list: orgProcedure("journey.share").input(mapInput).query(({ ctx, input }) => listShareLinks(ctx.db, ctx.org, input)),
  create: orgProcedure("journey.share").input(mapInput).mutation(({ ctx, input }) => createShareLink(ctx.db, ctx.org, input)),
  revoke: orgProcedure("journey.share").input(shareLinkInput).mutation(({ ctx, input }) => revokeShareLink(ctx.db, ctx.org, input)),
});
