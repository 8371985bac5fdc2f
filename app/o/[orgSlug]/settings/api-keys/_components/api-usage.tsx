// How a developer uses a key: the two routes and a curl line to copy, next to the keys.
import { Card, CardBody, CardHeader } from "@/app/_components/ui/card";

const EXAMPLE = `curl -X POST "$WAYMARK_URL/api/v1/responses" \\
  -H "Authorization: Bearer $WAYMARK_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"survey":"Post-purchase pulse","responses":[{"externalId":"R_1001","touchpoint":"checkout","submittedAt":"2026-05-01T09:30:00Z","csat":4,"comment":"Quick and easy"}]}'`;

export function ApiUsage() {
  return (
    <Card className="mt-6">
      <CardHeader
        title="Sending responses"
        description="POST /api/v1/responses takes JSON, NDJSON (?survey=) or a CSV export (?survey=, optionally ?touchpoint=). GET /api/v1/touchpoints lists the keys, names and aliases a response may name."
      />
      <CardBody>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">{EXAMPLE}</pre>
        <p className="mt-3 text-sm text-slate-600">
          All or nothing by default: one invalid response refuses the request (422, with each problem by line and field); add <code className="font-mono">?skipInvalid=true</code> to keep the valid ones. Send an{" "}
          <code className="font-mono">Idempotency-Key</code> header to retry safely.
        </p>
      </CardBody>
    </Card>
  );
}
