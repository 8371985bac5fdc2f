// Activity sentences for events made by an API key or the system (server/services/audit.ts
// names them in the event's data: the audit table's actor column holds only people).
import { describe, expect, it } from "vitest";
import { describeActivity } from "@/lib/activity";

describe("activity by an actor that is not a person", () => {
  it("names the API key, the operator CLI, or the system job", () => {
    const imported = { survey: "Post-purchase pulse", inserted: 1200, duplicates: 0, rejected: 0 };
    expect(describeActivity({ action: "responses.imported", actorName: null, data: { ...imported, apiKeyId: "k", apiKeyName: "Zapier feed", apiKeyPrefix: "wmk_ab12cd34" } })).toEqual({
      actor: "API key “Zapier feed”",
      summary: "imported 1,200 responses into “Post-purchase pulse”",
    });
    expect(describeActivity({ action: "responses.imported", actorName: null, data: { ...imported, inserted: 1, via: "cli" } })).toEqual({
      actor: "The operator CLI",
      summary: "imported 1 response into “Post-purchase pulse”",
    });
    expect(describeActivity({ action: "api_key.created", actorName: null, data: { name: "Nightly", via: "demo seed" } }).actor).toBe("Waymark (demo seed)");
    expect(describeActivity({ action: "responses.imported", actorName: null, data: { ...imported, apiKeyId: "gone" } }).actor).toBe("A deleted API key");
  });

  it("a person's name wins over what the data says", () => {
    expect(describeActivity({ action: "responses.imported", actorName: "Maya Manager", data: { survey: "Pulse", inserted: 3, via: "cli" } })).toEqual({
      actor: "Maya Manager",
      summary: "imported 3 responses into “Pulse”",
    });
  });
});
