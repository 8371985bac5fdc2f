// The app router: one sub-router per domain.
import { accountRouter } from "../routers/account";
import { activityRouter } from "../routers/activity";
import { invitationRouter } from "../routers/invitation";
import { memberRouter } from "../routers/member";
import { organizationRouter } from "../routers/organization";
import { teamRouter } from "../routers/team";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  account: accountRouter,
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  team: teamRouter,
  activity: activityRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
