// Findings: the board, one finding's page, creating, editing and moving them, the routing
// rules that send new ones to a team, and each team's SLA targets.
import {
  acceptSuggestionInput,
  commentOnFindingInput,
  findingFromAlertInput,
  createFindingInput,
  dismissSuggestionInput,
  createRoutingRuleInput,
  findingFromObstacleInput,
  findingEvidenceInput,
  findingIdInput,
  findingViewIdInput,
  listFindingsInput,
  moveFindingInput,
  reorderRoutingRulesInput,
  routingRuleIdInput,
  saveFindingViewInput,
  setFindingsVisibilityInput,
  setTeamSlaInput,
  updateFindingInput,
  updateRoutingRuleInput,
} from "../schemas/findings";
import { findingsVisibility, setFindingsVisibility } from "../services/findings/access";
import { getFinding, listFindings } from "../services/findings/board";
import { moveFinding, updateFinding } from "../services/findings/changes";
import { commentOnFinding } from "../services/findings/comments";
import { createFinding, findingFromObstacle } from "../services/findings/create";
import { addEvidence, removeEvidence } from "../services/findings/evidence";
import { createFindingFromAlert } from "../services/findings/from-alert";
import { applyRulesToUntriaged, createRoutingRule, deleteRoutingRule, listRoutingRules, reorderRoutingRules, updateRoutingRule } from "../services/findings/routing-rules";
import { acceptSuggestion, dismissSuggestion, listSuggestions } from "../services/findings/suggestions";
import { listTeamSlas, setTeamSla } from "../services/findings/team-slas";
import { deleteFindingView, listFindingViews, saveFindingView } from "../services/findings/views";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

export const findingRouter = router({
  list: orgProcedure("finding.read").input(listFindingsInput).query(({ ctx, input }) => listFindings(ctx.db, ctx.org, input.filters)),
  get: orgProcedure("finding.read").input(findingIdInput).query(({ ctx, input }) => getFinding(ctx.db, ctx.org, input.findingId)),
  create: orgProcedure("finding.edit").input(createFindingInput).mutation(({ ctx, input }) => createFinding(ctx.db, ctx.org, input)),
  fromObstacle: orgProcedure("finding.edit").input(findingFromObstacleInput).mutation(({ ctx, input }) => findingFromObstacle(ctx.db, ctx.org, input)),
  update: orgProcedure("finding.edit").input(updateFindingInput).mutation(({ ctx, input }) => updateFinding(ctx.db, ctx.org, input)),
  move: orgProcedure("finding.edit").input(moveFindingInput).mutation(({ ctx, input }) => moveFinding(ctx.db, ctx.org, input)),
  comment: orgProcedure("finding.edit").input(commentOnFindingInput).mutation(({ ctx, input }) => commentOnFinding(ctx.db, ctx.org, input)),
  fromAlert: orgProcedure("finding.edit").input(findingFromAlertInput).mutation(({ ctx, input }) => createFindingFromAlert(ctx.db, ctx.org, input)),
  // Whoever may create a finding from responses may add responses to one: the same people.
  addEvidence: orgProcedure("finding.edit").input(findingEvidenceInput).mutation(({ ctx, input }) => addEvidence(ctx.db, ctx.org, input)),
  removeEvidence: orgProcedure("finding.edit").input(findingEvidenceInput).mutation(({ ctx, input }) => removeEvidence(ctx.db, ctx.org, input)),
  suggestions: orgProcedure("finding.read").query(({ ctx }) => listSuggestions(ctx.db, ctx.org)),
  acceptSuggestion: orgProcedure("finding.manage").input(acceptSuggestionInput).mutation(({ ctx, input }) => acceptSuggestion(ctx.db, ctx.org, input)),
  dismissSuggestion: orgProcedure("finding.manage").input(dismissSuggestionInput).mutation(({ ctx, input }) => dismissSuggestion(ctx.db, ctx.org, input)),
  views: orgProcedure("finding.read").query(({ ctx }) => listFindingViews(ctx.db, ctx.org)),
  saveView: orgProcedure("finding.manage").input(saveFindingViewInput).mutation(({ ctx, input }) => saveFindingView(ctx.db, ctx.org, input)),
  deleteView: orgProcedure("finding.manage").input(findingViewIdInput).mutation(({ ctx, input }) => deleteFindingView(ctx.db, ctx.org, input)),
  visibility: orgProcedure("finding.read").query(({ ctx }) => findingsVisibility(ctx.db, ctx.org)),
  setVisibility: orgProcedure("organization.update").input(setFindingsVisibilityInput).mutation(({ ctx, input }) => setFindingsVisibility(ctx.db, ctx.org, input)),
});

export const routingRuleRouter = router({
  list: orgProcedure("finding.read").query(({ ctx }) => listRoutingRules(ctx.db, ctx.org)),
  create: orgProcedure("finding.manage").input(createRoutingRuleInput).mutation(({ ctx, input }) => createRoutingRule(ctx.db, ctx.org, input)),
  update: orgProcedure("finding.manage").input(updateRoutingRuleInput).mutation(({ ctx, input }) => updateRoutingRule(ctx.db, ctx.org, input)),
  delete: orgProcedure("finding.manage").input(routingRuleIdInput).mutation(({ ctx, input }) => deleteRoutingRule(ctx.db, ctx.org, input)),
  reorder: orgProcedure("finding.manage").input(reorderRoutingRulesInput).mutation(({ ctx, input }) => reorderRoutingRules(ctx.db, ctx.org, input)),
  applyToUntriaged: orgProcedure("finding.manage").mutation(({ ctx }) => applyRulesToUntriaged(ctx.db, ctx.org)),
});

export const teamSlaRouter = router({
  list: orgProcedure("finding.read").query(({ ctx }) => listTeamSlas(ctx.db, ctx.org)),
  set: orgProcedure("finding.manage").input(setTeamSlaInput).mutation(({ ctx, input }) => setTeamSla(ctx.db, ctx.org, input)),
});
