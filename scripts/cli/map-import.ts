// map:import — a journey map's JSON export into an organization, as a new map (the same
// service as Import in the app). A map needs an owner: the organization's first owner
// becomes it, and the audit log records that owner as the one who imported it.
import { mapDocumentSchema } from "@/server/schemas/map-transfer";
import { importMapDocument } from "@/server/services/map-transfer";
import { checked, defineCommand, findOrganization, firstOwner, readJsonFile, withDatabase } from "./command";

export default defineCommand({
  name: "map:import",
  summary: "Import a journey map from its JSON export (as the organization's first owner).",
  options: {
    org: { type: "string", required: true, placeholder: "slug", description: "The organization." },
    file: { type: "string", required: true, placeholder: "map.json", description: "A journey map exported as JSON." },
  },
  async run(values, io) {
    const document = checked(mapDocumentSchema, await readJsonFile(values.file), "file");
    const result = await withDatabase(async (db) => {
      const org = await findOrganization(db, values.org);
      const userId = await firstOwner(db, org.id);
      return importMapDocument(db, { orgId: org.id, userId, role: "owner" }, { document });
    });
    if (result.renamedKeys > 0) io.out(`${result.renamedKeys} touchpoint key(s) were already taken here and got a "-copy" suffix: survey files naming the old keys will not match them.`);
    if (result.unmatchedTeams.length > 0) io.out(`No team here is called ${result.unmatchedTeams.map((t) => `"${t}"`).join(", ")}: those touchpoints have no team.`);
    io.out(`Imported the map as "${result.name}" (${result.id}).`);
  },
});
