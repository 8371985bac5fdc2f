// Satisfaction dashboards: every screen's figures, read through the dashboards services
// (rollup first, raw responses under a deadline where the rollup cannot answer).
import { dashboardInput, mapCurveInput, touchpointCommentsInput, touchpointDashboardInput } from "../schemas/dashboard";
import { dashboardChannels } from "../services/dashboards/channels";
import { dashboardMapCurve } from "../services/dashboards/map-curve";
import { dashboardOptions } from "../services/dashboards/options";
import { dashboardOverview } from "../services/dashboards/overview";
import { dashboardStuck } from "../services/dashboards/stuck";
import { dashboardComments, dashboardTouchpoint } from "../services/dashboards/touchpoint";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";

const read = orgProcedure("dashboard.read");

export const dashboardRouter = router({
  overview: read.input(dashboardInput).query(({ ctx, input }) => dashboardOverview(ctx.db, ctx.org, input.filters)),
  stuck: read.input(dashboardInput).query(({ ctx, input }) => dashboardStuck(ctx.db, ctx.org, input.filters)),
  touchpoint: read.input(touchpointDashboardInput).query(({ ctx, input }) => dashboardTouchpoint(ctx.db, ctx.org, input)),
  comments: read.input(touchpointCommentsInput).query(({ ctx, input }) => dashboardComments(ctx.db, ctx.org, input)),
  channels: read.input(dashboardInput).query(({ ctx, input }) => dashboardChannels(ctx.db, ctx.org, input.filters)),
  mapCurve: read.input(mapCurveInput).query(({ ctx, input }) => dashboardMapCurve(ctx.db, ctx.org, input)),
  segmentKeys: read.query(({ ctx }) => dashboardOptions(ctx.db, ctx.org)),
});
