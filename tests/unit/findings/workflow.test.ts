// Which status moves are allowed, pinned as a literal table.
import { describe, expect, it } from "vitest";
import { FINDING_STATUSES } from "@/db/finding-constants";
import { moveRule } from "@/server/findings/workflow";

// from → to → "ok" | "reason" | "duplicate_of" | "no"
const EXPECTED: Record<string, Record<string, string>> = {
  new: { new: "no", triaged: "ok", in_progress: "ok", resolved: "ok", wont_fix: "reason", duplicate: "duplicate_of" },
  triaged: { new: "ok", triaged: "no", in_progress: "ok", resolved: "ok", wont_fix: "reason", duplicate: "duplicate_of" },
  in_progress: { new: "ok", triaged: "ok", in_progress: "no", resolved: "ok", wont_fix: "reason", duplicate: "duplicate_of" },
  resolved: { new: "ok", triaged: "ok", in_progress: "ok", resolved: "no", wont_fix: "reason", duplicate: "duplicate_of" },
  wont_fix: { new: "ok", triaged: "ok", in_progress: "ok", resolved: "ok", wont_fix: "no", duplicate: "duplicate_of" },
  duplicate: { new: "no", triaged: "no", in_progress: "no", resolved: "no", wont_fix: "no", duplicate: "no" },
};

describe("finding status moves", () => {
  for (const from of FINDING_STATUSES) {
    for (const to of FINDING_STATUSES) {
      it(`${from} → ${to}: ${EXPECTED[from]![to]}`, () => {
        const rule = moveRule(from, to);
        const got = !rule.allowed ? "no" : rule.needs === "none" ? "ok" : rule.needs;
        expect(got).toBe(EXPECTED[from]![to]);
      });
    }
  }
});
