/**
 * Every key of the single table is built here, and only here.
 *
 * Access patterns
 * | # | pattern                                   | how                                                        |
 * |---|-------------------------------------------|------------------------------------------------------------|
 * | 1 | get a commune by NIS code                 | GetItem commune(nis)                                       |
 * | 2 | get a PLP by id                           | GetItem plp(plpId)                                         |
 * | 3 | a PLP code is unique                      | conditional Put plpCode(code) in the creating transaction  |
 * | 4 | PLPs whose zone includes a postcode       | Query PK = POSTCODE#<pc> → plpIds, then BatchGet plp(id)   |
 * | 5 | PLPs of a commune                         | Query GSI1 PK = COMMUNE#<nis>                              |
 * | 6 | what a principal is assigned to           | Query PK = PRINCIPAL#<sub\|email:…> (officer, coordinator,  |
 * |   |  (officer/coordinator ↔ PLP, admin ↔ commune) | commune admin); GetItem for one scope check            |
 * | 7 | who is assigned to a PLP                  | Query GSI1 PK = PLP#<plpId>, SK begins_with ASSIGN#        |
 * | 8 | history of a PLP (audit)                  | Query PK = PLP#<plpId>, SK begins_with HISTORY#            |
 *
 * Principals are identified by their token `sub` when known, else by their e-mail address (lower case),
 * since commune administrators name coordinators and officers by e-mail before they ever log in.
 * Postcode items are one per (postcode, PLP) so no PLP's listing is a hot key.
 */
export type Role = 'officer' | 'coordinator' | 'commune_admin';
export type PrincipalRef = { sub: string } | { email: string };

export const principalId = (p: PrincipalRef) => ('sub' in p ? `sub:${p.sub}` : `email:${p.email.toLowerCase()}`);

export const keys = {
  commune: (nis: string) => ({ PK: `COMMUNE#${nis}`, SK: 'COMMUNE' }),
  plp: (plpId: string) => ({ PK: `PLP#${plpId}`, SK: 'PLP' }),
  plpByCommune: (nis: string, plpId: string) => ({ GSI1PK: `COMMUNE#${nis}`, GSI1SK: `PLP#${plpId}` }),
  plpCode: (code: string) => ({ PK: `PLPCODE#${code.toUpperCase()}`, SK: 'PLPCODE' }),
  postcodePlp: (postcode: string, plpId: string) => ({ PK: `POSTCODE#${postcode}`, SK: `PLP#${plpId}` }),
  postcodePrefix: (postcode: string) => ({ PK: `POSTCODE#${postcode}` }),
  assignment: (principal: string, role: Role, scopeId: string) => ({
    PK: `PRINCIPAL#${principal}`,
    SK: `ASSIGN#${role}#${scopeId}`,
  }),
  assignmentByScope: (scopeId: string, role: Role, principal: string) => ({
    GSI1PK: `SCOPE#${scopeId}`,
    GSI1SK: `ASSIGN#${role}#${principal}`,
  }),
  principalPrefix: (principal: string) => ({ PK: `PRINCIPAL#${principal}` }),
  plpHistory: (plpId: string, eventId: string) => ({ PK: `PLP#${plpId}`, SK: `HISTORY#${eventId}` }),
  plpHistoryPrefix: (plpId: string) => ({ PK: `PLP#${plpId}`, SKPrefix: 'HISTORY#' }),
} as const;

export const entities = {
  commune: 'Commune',
  plp: 'Plp',
  plpCode: 'PlpCode',
  postcodePlp: 'PostcodePlp',
  assignment: 'Assignment',
  plpHistory: 'PlpHistory',
} as const;
