import { z } from "zod";
import { emailSchema, idSchema, orgScoped, roleSchema } from "./common";
import { TEXT_LIMITS } from "./limits";

export const changeRoleInput = orgScoped.extend({ userId: idSchema, role: roleSchema });
export const removeMemberInput = orgScoped.extend({ userId: idSchema });

export const createInvitationInput = orgScoped.extend({ email: emailSchema, role: roleSchema });
export const revokeInvitationInput = orgScoped.extend({ invitationId: idSchema });
export const acceptInvitationInput = z.object({ token: z.string().min(10, "Not a valid invitation.").max(TEXT_LIMITS.token, "Not a valid invitation.") });
