// The signed-in member's own notifications in an organization, and which come by email.
import { listNotificationsInput, markNotificationReadInput } from "../schemas/collaboration";
import { setEmailPreferenceInput } from "../schemas/findings";
import { emailPreferences, setEmailPreference } from "../services/findings/preferences";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../services/notifications";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const notificationRouter = router({
  list: orgProcedure("notification.read").input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.org, input)),
  markRead: orgProcedure("notification.read").input(markNotificationReadInput).mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.org, input)),
  markAllRead: orgProcedure("notification.read").mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.org)),
  emailPreferences: orgProcedure("notification.read").query(({ ctx }) => emailPreferences(ctx.db, ctx.org)),
  setEmailPreference: orgProcedure("notification.read").input(setEmailPreferenceInput).mutation(({ ctx, input }) => setEmailPreference(ctx.db, ctx.org, input)),
});
