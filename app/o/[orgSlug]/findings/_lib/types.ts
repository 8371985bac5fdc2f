// The findings screens' data, as the tRPC procedures return it (one source of truth for shapes).
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type BoardCard = Outputs["finding"]["list"]["findings"][number];
export type FindingDetail = Outputs["finding"]["get"];
export type FindingView = Outputs["finding"]["views"][number];
export type Suggestion = Outputs["finding"]["suggestions"][number];
export type RoutingRule = Outputs["routingRule"]["list"][number];
export type TeamSla = Outputs["teamSla"]["list"][number];
export type FilterOptions = Outputs["response"]["filterOptions"];

export interface Person {
  userId: string;
  name: string;
}
export interface Team {
  id: string;
  name: string;
}
export interface MapChoice {
  id: string;
  name: string;
}
