// Surveys: the feedback sources, their imports and the touchpoints responses can go to.
// Files themselves are uploaded to the imports route handler, not through tRPC (1 MB cap).
import { createSurveyInput, surveyInput, updateSurveyInput } from "../schemas/survey";
import { createSurvey, getSurvey, listImports, listSurveys, listTouchpointChoices, updateSurvey } from "../services/surveys";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const surveyRouter = router({
  list: orgProcedure("survey.read").query(({ ctx }) => listSurveys(ctx.db, ctx.org)),
  get: orgProcedure("survey.read").input(surveyInput).query(({ ctx, input }) => getSurvey(ctx.db, ctx.org, input)),
  imports: orgProcedure("survey.read").input(surveyInput).query(({ ctx, input }) => listImports(ctx.db, ctx.org, input)),
  touchpointChoices: orgProcedure("survey.read").query(({ ctx }) => listTouchpointChoices(ctx.db, ctx.org)),
  create: orgProcedure("survey.import").input(createSurveyInput).mutation(({ ctx, input }) => createSurvey(ctx.db, ctx.org, input)),
  update: orgProcedure("survey.import").input(updateSurveyInput).mutation(({ ctx, input }) => updateSurvey(ctx.db, ctx.org, input)),
});
