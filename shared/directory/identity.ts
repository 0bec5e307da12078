/**
 * Who holds a role in the directory. Principals are identified by their token `sub` when known, else by
 * their e-mail address (lower case), since administrators name coordinators and officers by e-mail before
 * they ever log in.
 */
export type Role = 'officer' | 'coordinator' | 'commune_admin';
export type PrincipalRef = { sub: string } | { email: string };

export const principalId = (p: PrincipalRef) => ('sub' in p ? `sub:${p.sub}` : `email:${p.email.toLowerCase()}`);
