import { ulid } from 'ulid';
import type { Plp } from '../../shared/directory/model.ts';

/**
 * A launched PLP as the directory stores it (zone 1082, direct dispatch, no approval), for tests that put it
 * in a fake directory directly rather than walking it through its life cycle.
 */
export function launchedPlpRecord(over: Partial<Plp> & Pick<Plp, 'code'>, at: Date): Plp {
  return {
    plpId: ulid(),
    communeNis: '21003',
    name: 'Quartier',
    type: 'residents',
    zone: { postcodes: ['1082'] },
    dispatchMode: 'direct',
    requiresApproval: false,
    languages: ['fr', 'nl'],
    coordinators: [],
    officers: [],
    status: 'launched',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    ...over,
  };
}
