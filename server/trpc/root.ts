// The app router: one sub-router per domain.
import { accountRouter } from "../routers/account";
import { alertRouter } from "../routers/alert";
import { apiKeyRouter } from "../routers/api-key";
import { activityRouter } from "../routers/activity";
import { commentRouter } from "../routers/comment";
import { findingRouter, routingRuleRouter, teamSlaRouter } from "../routers/finding";
import { dashboardRouter } from "../routers/dashboard";
import { webhookRouter } from "../routers/webhook";
import { invitationRouter } from "../routers/invitation";
import { jobRouter } from "../routers/job";
import { journeyMapRouter } from "../routers/journey-map";
import { memberRouter } from "../routers/member";
import { notificationRouter } from "../routers/notification";
import { obstacleRouter } from "../routers/obstacle";
import { organizationRouter } from "../routers/organization";
import { personaRouter } from "../routers/persona";
import { responseRouter } from "../routers/response";
import { shareLinkRouter } from "../routers/share-link";
import { stageRouter } from "../routers/stage";
import { surveyRouter } from "../routers/survey";
import { teamRouter } from "../routers/team";
import { touchpointRouter } from "../routers/touchpoint";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  account: accountRouter,
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  team: teamRouter,
  activity: activityRouter,
  persona: personaRouter,
  journeyMap: journeyMapRouter,
  stage: stageRouter,
  touchpoint: touchpointRouter,
  obstacle: obstacleRouter,
  comment: commentRouter,
  notification: notificationRouter,
  shareLink: shareLinkRouter,
  apiKey: apiKeyRouter,
  response: responseRouter,
  survey: surveyRouter,
  alert: alertRouter,
  job: jobRouter,
  finding: findingRouter,
  routingRule: routingRuleRouter,
  teamSla: teamSlaRouter,
  webhook: webhookRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
