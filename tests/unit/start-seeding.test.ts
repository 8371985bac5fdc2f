// `npm start` serves real databases: it must never write the demo accounts (public
// password) unless the operator asks with WAYMARK_DEMO=1. `npm run dev` seeds as before.
import { describe, expect, it } from "vitest";
import { shouldSeedDemo } from "@/scripts/run-next";

describe("shouldSeedDemo", () => {
  it("npm start does not seed by default, whatever else is set", () => {
    expect(shouldSeedDemo("start", {})).toBe(false);
    expect(shouldSeedDemo("start", { NODE_ENV: "production" })).toBe(false);
    expect(shouldSeedDemo("start", { WAYMARK_SKIP_SEED: "0" })).toBe(false);
    expect(shouldSeedDemo("start", { WAYMARK_DEMO: "true" })).toBe(false);
  });

  it("npm start seeds only with WAYMARK_DEMO=1", () => {
    expect(shouldSeedDemo("start", { WAYMARK_DEMO: "1" })).toBe(true);
  });

  it("npm run dev seeds unless WAYMARK_SKIP_SEED=1", () => {
    expect(shouldSeedDemo("dev", {})).toBe(true);
    expect(shouldSeedDemo("dev", { WAYMARK_SKIP_SEED: "1" })).toBe(false);
  });
});
