// The signed-in member's own notifications in an organization.
import { listNotificationsInput, markNotificationReadInput } from "../schemas/collaboration";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../services/notifications";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const notificationRouter = router({
  list: orgProcedure("notification.read").input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.org, input)),
  markRead: orgProcedure("notification.read").input(markNotificationReadInput).mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.org, input)),
  markAllRead: orgProcedure("notification.read").mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.org)),
});
