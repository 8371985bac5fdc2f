import { DashboardSkeleton } from "../_components/dashboard-skeleton";

export default function DashboardLoading() {
  return <DashboardSkeleton />;
}
