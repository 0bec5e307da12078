import { beforeEach, describe, expect, it } from 'vitest';
import type { EventContract, EventPublisher, PublishOptions } from '../../../events/define-event.ts';
import { PlpStatusChanged } from '../../../events/directory/plp-status-changed.ts';
import type { Caller } from '../../../shared/directory/caller.ts';
import type { CreateCommuneInput, CreatePlpInput, Plp } from '../../../shared/directory/model.ts';
import type { DirectoryStore } from '../../../shared/directory/ports.ts';
import {
  createCommune,
  createPlp,
  type DirectoryDeps,
  findLaunchedPlps,
  transitionPlp,
} from '../../../shared/directory/use-cases.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Role } from '../../../shared/directory/identity.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';

/** The in-memory DirectoryStore of test/support/fakes (it passes the adapter's contract), recording createPlp's input. */
function memoryStore() {
  const store = fakeDirectoryStore();
  const createPlpCalls: { plp: Plp; assignments: { principal: string; role: Role }[] }[] = [];
  const createPlp: DirectoryStore['createPlp'] = async (plp, assignments) => {
    createPlpCalls.push(structuredClone({ plp, assignments }));
    await store.createPlp(plp, assignments);
  };
  return { store: { ...store, createPlp }, createPlpCalls };
}

type Published = { contract: EventContract; data: unknown; options: PublishOptions };

function recordingPublisher() {
  const published: Published[] = [];
  const publish: EventPublisher = async (contract, data, options) => {
    published.push({ contract, data, options });
  };
  return { publish, published };
}

const regionAdmin: Caller = { sub: 'region-1', groups: ['region_admin'] };
const communeAdmin: Caller = { sub: 'admin-1', email: 'admin1@ixelles.be', groups: ['commune_admin'] };
const otherAdmin: Caller = { sub: 'admin-2', groups: ['commune_admin'] };

const ixelles: CreateCommuneInput = {
  nis: '21009',
  name: { fr: 'Ixelles', nl: 'Elsene' },
  languages: ['fr', 'nl'],
  policeZone: 'Bruxelles-Capitale/Ixelles',
  admins: [{ sub: 'admin-1' }],
};
const gent: CreateCommuneInput = {
  nis: '44021',
  name: { nl: 'Gent' },
  languages: ['nl'],
  policeZone: 'Gent',
  admins: [{ sub: 'admin-2' }],
};

const plpInput = (over: Partial<CreatePlpInput> = {}): CreatePlpInput => ({
  communeNis: '21009',
  name: 'PLP Flagey',
  code: 'IXL-FLAGEY',
  type: 'residents',
  zone: { postcodes: ['1050', '1050'] },
  dispatchMode: 'via_coordinator',
  requiresApproval: true,
  coordinators: [{ email: 'coord@example.be', name: 'Anne Coord', language: 'fr' }],
  officers: [{ email: 'agent@police.be' }, { sub: 'officer-sub' }],
  ...over,
});

describe('directory use cases', () => {
  let mem: ReturnType<typeof memoryStore>;
  let events: ReturnType<typeof recordingPublisher>;
  let deps: DirectoryDeps;
  let ids: number;

  beforeEach(async () => {
    mem = memoryStore();
    events = recordingPublisher();
    ids = 0;
    deps = {
      store: mem.store,
      publish: events.publish,
      now: () => new Date('2026-03-01T10:00:00.000Z'),
      newId: () => `plp-${++ids}`,
    };
    await createCommune(ixelles, regionAdmin, deps);
    await createCommune(gent, regionAdmin, deps);
  });

  describe('createCommune', () => {
    it('is for region admins only', async () => {
      const input = { ...ixelles, nis: '21004' };
      await expect(createCommune(input, communeAdmin, deps)).rejects.toThrow(ForbiddenError);
      await expect(createCommune(input, { sub: 'p', groups: ['police'] }, deps)).rejects.toThrow(ForbiddenError);
      expect(await mem.store.getCommune('21004')).toBeUndefined();
    });

    it('assigns an administrator named twice (in any case) once, instead of failing the transaction', async () => {
      await createCommune(
        { ...ixelles, nis: '21005', admins: [{ email: 'Y@Brussels.be' }, { email: 'y@brussels.be' }] },
        regionAdmin,
        deps,
      );
      expect(await mem.store.assignmentsOf(['email:y@brussels.be'])).toEqual([
        { role: 'commune_admin', scopeId: '21005' },
      ]);
    });

    it('stores the commune and assigns its administrators', async () => {
      const commune = await createCommune(
        { ...ixelles, nis: '21004', languages: ['fr', 'fr', 'nl'], admins: [{ email: 'X@Brussels.be' }] },
        regionAdmin,
        deps,
      );
      expect(commune).toMatchObject({ nis: '21004', languages: ['fr', 'nl'], createdAt: '2026-03-01T10:00:00.000Z' });
      expect(await mem.store.getCommune('21004')).toEqual(commune);
      expect(await mem.store.assignmentsOf(['email:x@brussels.be'])).toEqual([
        { role: 'commune_admin', scopeId: '21004' },
      ]);
    });
  });

  describe('createPlp', () => {
    it('hides another commune from a commune admin (NotFoundError)', async () => {
      await expect(createPlp(plpInput(), otherAdmin, deps)).rejects.toThrow(NotFoundError);
      expect(mem.createPlpCalls).toEqual([]);
      expect(events.published).toEqual([]);
    });

    it('refuses callers without an administrator group (ForbiddenError)', async () => {
      await expect(createPlp(plpInput(), { sub: 'admin-1', groups: ['coordinator'] }, deps)).rejects.toThrow(
        ForbiddenError,
      );
    });

    it('refuses an unknown commune (ValidationError)', async () => {
      await expect(createPlp(plpInput({ communeNis: '99999' }), regionAdmin, deps)).rejects.toThrow(ValidationError);
      expect(events.published).toEqual([]);
    });

    it('creates the PLP in preparation with the commune languages by default', async () => {
      const plp = await createPlp(plpInput(), communeAdmin, deps);
      expect(plp).toMatchObject({
        plpId: 'plp-1',
        status: 'preparation',
        languages: ['fr', 'nl'],
        zone: { postcodes: ['1050'] },
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z',
      });
      expect(await mem.store.getPlp('plp-1')).toEqual(plp);
    });

    it('keeps the languages given for the PLP', async () => {
      const plp = await createPlp(plpInput({ languages: ['nl'] }), regionAdmin, deps);
      expect(plp.languages).toEqual(['nl']);
    });

    it('passes coordinator and officer assignments to the store, without duplicates', async () => {
      await createPlp(
        plpInput({ officers: [{ email: 'agent@police.be' }, { sub: 'officer-sub' }, { email: 'agent@police.be' }] }),
        communeAdmin,
        deps,
      );
      expect(mem.createPlpCalls).toHaveLength(1);
      expect(mem.createPlpCalls[0]!.assignments).toEqual([
        { principal: 'email:coord@example.be', role: 'coordinator' },
        { principal: 'email:agent@police.be', role: 'officer' },
        { principal: 'sub:officer-sub', role: 'officer' },
      ]);
      expect(await mem.store.assignmentsOf(['sub:officer-sub'])).toEqual([{ role: 'officer', scopeId: 'plp-1' }]);
    });

    it('publishes PlpStatusChanged from null to preparation', async () => {
      await createPlp(plpInput(), communeAdmin, deps);
      expect(events.published).toHaveLength(1);
      const [event] = events.published;
      expect(event!.contract).toBe(PlpStatusChanged);
      expect(event!.data).toEqual({
        plpId: 'plp-1',
        communeNis: '21009',
        from: null,
        to: 'preparation',
        by: 'sub:admin-1',
      });
      expect(event!.options).toMatchObject({
        idempotencyKey: expect.stringContaining('plp-1'),
        occurredAt: '2026-03-01T10:00:00.000Z',
      });
    });
  });

  describe('transitionPlp', () => {
    beforeEach(async () => {
      await createPlp(plpInput(), communeAdmin, deps);
      events.published.length = 0;
    });

    it('refuses an illegal transition with ConflictError and publishes nothing', async () => {
      await expect(transitionPlp('plp-1', { to: 'launched' }, communeAdmin, deps)).rejects.toThrow(ConflictError);
      expect(events.published).toEqual([]);
      expect((await mem.store.getPlp('plp-1'))!.status).toBe('preparation');
    });

    it('moves a legal transition and publishes from/to', async () => {
      const updated = await transitionPlp('plp-1', { to: 'information_session' }, communeAdmin, deps);
      expect(updated.status).toBe('information_session');
      expect(events.published).toHaveLength(1);
      expect(events.published[0]!.contract).toBe(PlpStatusChanged);
      expect(events.published[0]!.data).toMatchObject({
        plpId: 'plp-1',
        from: 'preparation',
        to: 'information_session',
        by: 'sub:admin-1',
      });
    });

    it('carries the charter reference when the charter is approved', async () => {
      for (const to of ['information_session', 'charter_submitted'] as const) {
        await transitionPlp('plp-1', { to }, regionAdmin, deps);
      }
      await transitionPlp('plp-1', { to: 'charter_approved', charterReference: 'SPF/2026/42' }, regionAdmin, deps);
      expect(events.published.at(-1)!.data).toMatchObject({
        from: 'charter_submitted',
        to: 'charter_approved',
        charterReference: 'SPF/2026/42',
      });
    });

    it('hides the PLP of another commune (NotFoundError)', async () => {
      await expect(transitionPlp('plp-1', { to: 'information_session' }, otherAdmin, deps)).rejects.toThrow(
        NotFoundError,
      );
      await expect(transitionPlp('nope', { to: 'information_session' }, regionAdmin, deps)).rejects.toThrow(
        NotFoundError,
      );
      expect(events.published).toEqual([]);
    });
  });

  describe('findLaunchedPlps', () => {
    const launch = async (plpId: string) => {
      for (const to of ['information_session', 'charter_submitted'] as const) {
        await transitionPlp(plpId, { to }, regionAdmin, deps);
      }
      await transitionPlp(plpId, { to: 'charter_approved', charterReference: 'SPF/1' }, regionAdmin, deps);
      await transitionPlp(plpId, { to: 'launched' }, regionAdmin, deps);
    };

    it('returns only launched PLPs of the postcode, with the commune name', async () => {
      await createPlp(plpInput({ name: 'Zeta', code: 'IXL-ZETA' }), regionAdmin, deps); // plp-1, launched
      await createPlp(plpInput({ name: 'Alpha', code: 'IXL-ALPHA' }), regionAdmin, deps); // plp-2, preparation
      await createPlp(plpInput({ name: 'Beta', code: 'IXL-BETA', type: 'independents' }), regionAdmin, deps); // plp-3
      await createPlp(plpInput({ name: 'Other', code: 'IXL-OTHER', zone: { postcodes: ['1000'] } }), regionAdmin, deps);
      await launch('plp-1');
      await launch('plp-3');
      await launch('plp-4');
      await transitionPlp('plp-3', { to: 'suspended' }, regionAdmin, deps);

      const found = await findLaunchedPlps('1050', deps);
      expect(found).toEqual([
        {
          id: 'plp-1',
          code: 'IXL-ZETA',
          name: 'Zeta',
          commune: { nis: '21009', name: 'Ixelles' },
          type: 'residents',
          languages: ['fr', 'nl'],
        },
      ]);
    });

    it('returns nothing for a postcode without PLPs', async () => {
      expect(await findLaunchedPlps('9999', deps)).toEqual([]);
    });
  });
});
