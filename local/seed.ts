import type { Caller } from '../shared/directory/caller.ts';
import type { CreatePlpInput } from '../shared/directory/model.ts';
import { createCommune, createPlp, type DirectoryDeps, transitionPlp } from '../shared/directory/use-cases.ts';
import { ConflictError } from '../shared/errors.ts';

/** The demo data of API.md, created through the same use cases as the API, idempotently. */
export const demo = {
  admin: { sub: 'admin-demo', email: 'admin@demo.plp', groups: ['region_admin'] },
  officer: { sub: 'officer-demo', email: 'officer@demo.plp', groups: ['police'] },
  coordinator: { sub: 'coordinator-demo', email: 'coordinator@demo.plp', groups: ['coordinator'] },
} as const satisfies Record<string, Caller>;

const plps: Omit<CreatePlpInput, 'coordinators' | 'officers'>[] = [
  {
    communeNis: '21003',
    name: 'Berchem-Centre',
    code: 'BERCHEM-CENTRE',
    type: 'residents',
    zone: { postcodes: ['1082'] },
    dispatchMode: 'direct',
    requiresApproval: true,
    smsMonthlyBudgetEur: 50,
  },
  {
    communeNis: '21003',
    name: 'Berchem-Gare (commerçants)',
    code: 'BERCHEM-GARE',
    type: 'independents',
    zone: { postcodes: ['1082'] },
    dispatchMode: 'via_coordinator',
    requiresApproval: false,
    smsMonthlyBudgetEur: 20,
  },
];

const toLaunch = ['information_session', 'charter_submitted', 'charter_approved', 'launched'] as const;

export async function seedDemo(d: DirectoryDeps): Promise<{ created: boolean }> {
  const admin: Caller = { ...demo.admin, groups: [...demo.admin.groups] };
  let created = false;
  try {
    await createCommune(
      {
        nis: '21003',
        name: { fr: 'Berchem-Sainte-Agathe', nl: 'Sint-Agatha-Berchem' },
        languages: ['fr', 'nl'],
        policeZone: 'Bruxelles-Ouest (5340)',
      },
      admin,
      d,
    );
    created = true;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  for (const input of plps) {
    if (await d.store.plpIdByCode(input.code)) continue;
    const plp = await createPlp(
      {
        ...input,
        coordinators: [{ email: demo.coordinator.email, name: 'Coordinatrice démo', language: 'fr' }],
        officers: [{ sub: demo.officer.sub }, { email: demo.officer.email }],
      },
      admin,
      d,
    );
    for (const to of toLaunch) {
      await transitionPlp(
        plp.plpId,
        { to, ...(to === 'charter_approved' ? { charterReference: 'SPF-IBZ/PLP/2026/0001' } : {}) },
        admin,
        d,
      );
    }
    created = true;
  }
  return { created };
}
