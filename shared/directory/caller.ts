import * as z from '../zod.ts';
import { principalId } from './identity.ts';

export const Group = z.enum(['police', 'coordinator', 'commune_admin', 'region_admin']);
export type Group = z.infer<typeof Group>;

/** Who is calling, as the verified JWT says. What they may touch comes from the directory, not the token. */
export type Caller = { sub: string; email?: string; groups: Group[] };

export const hasGroup = (caller: Caller, ...groups: Group[]) => groups.some((g) => caller.groups.includes(g));

/** The principal ids under which assignments of this caller may be stored (by sub, and by e-mail). */
export const principalIdsOf = (caller: Caller) => [
  principalId({ sub: caller.sub }),
  ...(caller.email ? [principalId({ email: caller.email })] : []),
];
