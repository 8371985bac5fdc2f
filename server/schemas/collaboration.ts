// Inputs of comments, notifications and share links.
import { z } from "zod";
import { idSchema, orgScoped } from "./common";

/** What a comment is about: the map, or one touchpoint or obstacle on it. */
export const commentTargetSchema = z.object({
  mapId: idSchema,
  touchpointId: idSchema.nullable().default(null),
  obstacleId: idSchema.nullable().default(null),
});
export const listCommentsInput = orgScoped.extend({ mapId: idSchema });
export const createCommentInput = orgScoped.extend({
  ...commentTargetSchema.shape,
  body: z.string().trim().min(1, "Write something first.").max(4000, "At most 4000 characters."),
});

export const listNotificationsInput = orgScoped.extend({ limit: z.number().int().min(1).max(100).default(30) });
export const markNotificationReadInput = orgScoped.extend({ notificationId: idSchema });

export const shareLinkInput = orgScoped.extend({ shareLinkId: idSchema });
