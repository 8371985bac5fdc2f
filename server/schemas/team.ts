import { z } from "zod";
import { idSchema, orgScoped, versionSchema } from "./common";

const teamFields = {
  name: z.string().trim().min(1, "Give the team a name.").max(60, "At most 60 characters."),
  description: z.string().trim().max(280, "At most 280 characters.").default(""),
};

export const createTeamInput = orgScoped.extend(teamFields);
export const updateTeamInput = orgScoped.extend({ teamId: idSchema, version: versionSchema, ...teamFields });
export const deleteTeamInput = orgScoped.extend({ teamId: idSchema });
export const teamMemberInput = orgScoped.extend({ teamId: idSchema, userId: idSchema });
