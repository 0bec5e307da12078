import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/directory/caller.ts';
import {
  assertAdministersCommune,
  assertGroup,
  canAdministerCommune,
  loadScope,
  plpIdsFor,
  type Scope,
} from '../../../shared/directory/scope.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/errors.ts';
import { callerFromEvent } from '../../../shared/http/auth.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';

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

  it('answers not-found outside the scope, as for an unknown id', () => {
    const error = (() => {
      try {
        assertAdministersCommune(caller('commune_admin'), scope(), '44021');
      } catch (e) {
        return e as NotFoundError;
      }
    })();
    expect(error?.kind?.slug).toBe('not-found');
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

describe('loadScope and assignments made by e-mail', () => {
  const commune = (nis: string) => ({
    nis,
    name: { fr: `Commune ${nis}` },
    languages: ['fr' as const],
    policeZone: 'Zone',
    createdAt: '2026-03-01T10:00:00.000Z',
  });
  const named = async (email: string, ...nis: string[]) => {
    const store = fakeDirectoryStore();
    for (const n of nis) await store.createCommune(commune(n), [`email:${email}`]);
    return store;
  };
  const admin = (sub: string, email: string, verified: string) =>
    callerFromEvent({
      requestContext: {
        authorizer: {
          jwt: {
            claims: {
              sub,
              email,
              email_verified: verified,
              'cognito:groups': '[commune_admin]',
              amr: '[pwd otp mfa]',
            },
          },
        },
      },
    } as unknown as APIGatewayProxyEventV2);

  it('gives nothing to an e-mail the token does not say is verified, and binds nothing', async () => {
    const store = await named('admin@ixelles.be', '21009');
    const scope = await loadScope(admin('u-1', 'admin@ixelles.be', 'false'), store);
    expect(scope.assignments).toEqual([]);
    expect(await store.assignmentsOf(['email:admin@ixelles.be'])).toHaveLength(1);
    expect(await store.assignmentsOf(['sub:u-1'])).toEqual([]);
  });

  it('binds the assignments of a verified e-mail to the sub at the first load', async () => {
    const store = await named('admin@ixelles.be', '21009', '21004');
    const scope = await loadScope(admin('u-1', 'Admin@Ixelles.be', 'true'), store);
    const both = [
      { role: 'commune_admin', scopeId: '21004' },
      { role: 'commune_admin', scopeId: '21009' },
    ];
    expect(scope.assignments).toEqual(both);
    expect(await store.assignmentsOf(['sub:u-1'])).toEqual(both);
    expect(await store.assignmentsOf(['email:admin@ixelles.be'])).toEqual([]);
  });

  it('keeps the scope with the account after its e-mail changes, and gives none to another account with that e-mail', async () => {
    const store = await named('admin@ixelles.be', '21009');
    await loadScope(admin('u-1', 'admin@ixelles.be', 'true'), store);
    expect((await loadScope(admin('u-1', 'new@ixelles.be', 'true'), store)).assignments).toEqual([
      { role: 'commune_admin', scopeId: '21009' },
    ]);
    expect((await loadScope(admin('u-2', 'admin@ixelles.be', 'true'), store)).assignments).toEqual([]);
  });

  it('honours a verified e-mail without binding it on a store that cannot write (a read-only function)', async () => {
    const store = await named('admin@ixelles.be', '21009');
    const readOnly = { assignmentsOf: store.assignmentsOf };
    const scope = await loadScope(admin('u-1', 'admin@ixelles.be', 'true'), readOnly);
    expect(scope.assignments).toEqual([{ role: 'commune_admin', scopeId: '21009' }]);
    expect(await store.assignmentsOf(['email:admin@ixelles.be'])).toHaveLength(1);
  });

  it('gives the same scope to two parallel first requests and binds each assignment once', async () => {
    const store = await named('admin@ixelles.be', '21009');
    const caller = admin('u-1', 'admin@ixelles.be', 'true');
    const [a, b] = await Promise.all([loadScope(caller, store), loadScope(caller, store)]);
    expect(a.assignments).toEqual([{ role: 'commune_admin', scopeId: '21009' }]);
    expect(b.assignments).toEqual(a.assignments);
    expect(await store.assignmentsOf(['sub:u-1', 'email:admin@ixelles.be'])).toEqual(a.assignments);
  });
});
