import * as z from '../zod.ts';
import { principalId } from './identity.ts';

export const Group = z.enum(['police', 'coordinator', 'commune_admin', 'region_admin']);
export type Group = z.infer<typeof Group>;

/** Groups whose members must sign in with a second factor (TOTP); coordinators may. */
export const MFA_GROUPS: readonly Group[] = ['police', 'commune_admin', 'region_admin'];

/**
 * Who is calling, as the verified JWT says. What they may touch comes from the directory, not the token.
 * `email` is set only when the token says the address is verified (`email_verified`), since an assignment
 * made by e-mail is granted to whoever proves that address.
 */
export type Caller = { sub: string; email?: string; groups: Group[] };

export const hasGroup = (caller: Caller, ...groups: Group[]) => groups.some((g) => caller.groups.includes(g));

/** The principal id of the caller's own account (its token `sub`). */
export const subPrincipalOf = (caller: Caller) => principalId({ sub: caller.sub });

/** The principal id of the caller's verified e-mail, under which administrators may have named them. */
export const emailPrincipalOf = (caller: Caller) => (caller.email ? principalId({ email: caller.email }) : undefined);

/** The principal ids under which assignments of this caller may be stored (by sub, and by verified e-mail). */
export const principalIdsOf = (caller: Caller) => [
  subPrincipalOf(caller),
  ...(caller.email ? [principalId({ email: caller.email })] : []),
];
