import { idSchema, orgScoped, versionSchema } from "./common";
import { cappedText, requiredText, TEXT_LIMITS } from "./limits";

const teamFields = {
  name: requiredText(TEXT_LIMITS.teamName, "Give the team a name."),
  description: cappedText(TEXT_LIMITS.teamDescription).default(""),
};

export const createTeamInput = orgScoped.extend(teamFields);
export const updateTeamInput = orgScoped.extend({ teamId: idSchema, version: versionSchema, ...teamFields });
export const deleteTeamInput = orgScoped.extend({ teamId: idSchema });
export const teamMemberInput = orgScoped.extend({ teamId: idSchema, userId: idSchema });
