import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/directory/caller.ts';
import {
  assertAdministersCommune,
  assertGroup,
  canAdministerCommune,
  plpIdsFor,
  type Scope,
} from '../../../shared/directory/scope.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/errors.ts';

const caller = (...groups: Caller['groups']): Caller => ({ sub: 'u-1', email: 'u1@example.be', groups });
const scope = (assignments: Scope['assignments'] = [], isRegionAdmin = false): Scope => ({
  isRegionAdmin,
  assignments,
});

describe('commune administration scope', () => {
  it('lets a region admin administer every commune', () => {
    const s = scope([], true);
    expect(canAdministerCommune(caller('region_admin'), s, '21004')).toBe(true);
    expect(() => assertAdministersCommune(caller('region_admin'), s, '44021')).not.toThrow();
  });

  it('lets a commune admin administer only the communes assigned to them', () => {
    const s = scope([{ role: 'commune_admin', scopeId: '21004' }]);
    expect(canAdministerCommune(caller('commune_admin'), s, '21004')).toBe(true);
    expect(canAdministerCommune(caller('commune_admin'), s, '44021')).toBe(false);
    expect(() => assertAdministersCommune(caller('commune_admin'), s, '44021')).toThrow(NotFoundError);
  });

  it('says "not found", naming what was asked for, outside the scope', () => {
    expect(() => assertAdministersCommune(caller('commune_admin'), scope(), '44021', 'PLP')).toThrow('PLP not found');
  });

  it('gives nothing for a commune_admin assignment without the commune_admin group', () => {
    const s = scope([{ role: 'commune_admin', scopeId: '21004' }]);
    expect(canAdministerCommune(caller('police'), s, '21004')).toBe(false);
    expect(() => assertAdministersCommune(caller(), s, '21004')).toThrow(NotFoundError);
  });

  it('does not treat an officer or coordinator assignment as commune administration', () => {
    const s = scope([
      { role: 'officer', scopeId: '21004' },
      { role: 'coordinator', scopeId: '21004' },
    ]);
    expect(canAdministerCommune(caller('commune_admin', 'police', 'coordinator'), s, '21004')).toBe(false);
  });
});

describe('PLP roles', () => {
  const s = scope([
    { role: 'officer', scopeId: 'plp-1' },
    { role: 'officer', scopeId: 'plp-2' },
    { role: 'coordinator', scopeId: 'plp-3' },
    { role: 'commune_admin', scopeId: '21004' },
  ]);

  it('lists the officer PLPs of a police caller', () => {
    expect(plpIdsFor(caller('police'), s, 'officer')).toEqual(['plp-1', 'plp-2']);
  });

  it('lists the coordinator PLPs of a coordinator caller', () => {
    expect(plpIdsFor(caller('coordinator'), s, 'coordinator')).toEqual(['plp-3']);
  });

  it('gives nothing without the matching group', () => {
    expect(plpIdsFor(caller('coordinator'), s, 'officer')).toEqual([]);
    expect(plpIdsFor(caller('police'), s, 'coordinator')).toEqual([]);
    expect(plpIdsFor(caller('region_admin'), scope(s.assignments, true), 'officer')).toEqual([]);
  });
});

describe('assertGroup', () => {
  it('passes when the caller has one of the groups', () => {
    expect(() => assertGroup(caller('commune_admin'), 'region_admin', 'commune_admin')).not.toThrow();
  });

  it('throws ForbiddenError naming the roles otherwise', () => {
    expect(() => assertGroup(caller('police'), 'region_admin', 'commune_admin')).toThrow(ForbiddenError);
    expect(() => assertGroup(caller(), 'region_admin')).toThrow(/region_admin/);
  });
});
