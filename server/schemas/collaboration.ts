// Inputs of comments, notifications and share links.
import { z } from "zod";
import { idSchema, orgScoped } from "./common";
import { LIST_LIMITS, requiredText, TEXT_LIMITS } from "./limits";

/** What a comment is about: the map, or one touchpoint or obstacle on it. */
export const commentTargetSchema = z.object({
  mapId: idSchema,
  touchpointId: idSchema.nullable().default(null),
  obstacleId: idSchema.nullable().default(null),
});
export const listCommentsInput = orgScoped.extend({ mapId: idSchema });
/** A comment's words, the same rule for comments on a map and on a finding. */
export const commentBodySchema = requiredText(TEXT_LIMITS.comment, "Write something first.");
export const createCommentInput = orgScoped.extend({
  ...commentTargetSchema.shape,
  body: commentBodySchema,
});

export const listNotificationsInput = orgScoped.extend({ limit: z.number().int().min(1).max(LIST_LIMITS.page).default(30) });
export const markNotificationReadInput = orgScoped.extend({ notificationId: idSchema });

export const shareLinkInput = orgScoped.extend({ shareLinkId: idSchema });
