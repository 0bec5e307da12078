import { beforeAll, describe, expect, it } from 'vitest';
import type { SmsBudgetStore, SmsCharge } from '../../../shared/messaging/sms-budget.ts';

/**
 * What SmsBudgetStore promises (shared/messaging/sms-budget.ts), checked against the DynamoDB adapter
 * (test/integration/sms-budget-store.test.ts) and the in-memory fake (test/unit/fakes/stores.test.ts).
 * `makeStore` is called once; every test charges PLPs of its own.
 */
export function describeSmsBudgetStoreContract(
  name: string,
  makeStore: () => SmsBudgetStore | Promise<SmsBudgetStore>,
) {
  let store: SmsBudgetStore;
  const run = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  const newPlp = () => `plp-${run}-${++counter}`;
  /** One SMS of `segments` parts at 0.08 € a part. */
  const sms = (plpId: string, month = '2026-11', segments = 1): SmsCharge => ({
    plpId,
    month,
    segments,
    costMicroEur: segments * 80_000,
  });

  describe(name, () => {
    beforeAll(async () => {
      store = await makeStore();
    });

    it('charges while the month stays within the budget, reaching it exactly, and refuses the next', async () => {
      const plpId = newPlp();
      const budget = 400_000; // 0.40 €: five parts
      expect(await store.chargeSms(sms(plpId, '2026-11', 3), budget)).toBe(true);
      expect(await store.chargeSms(sms(plpId, '2026-11', 2), budget)).toBe(true);
      expect(await store.chargeSms(sms(plpId), budget)).toBe(false);
      // A refusal writes nothing.
      expect(await store.smsSpent(plpId, '2026-11')).toEqual({ spentMicroEur: 400_000, segments: 5, messages: 2 });
    });

    it('refuses a charge larger than the whole budget, and everything under a budget of 0, writing nothing', async () => {
      const plpId = newPlp();
      expect(await store.chargeSms(sms(plpId, '2026-11', 6), 400_000)).toBe(false);
      expect(await store.chargeSms(sms(plpId), 0)).toBe(false);
      expect(await store.smsSpent(plpId, '2026-11')).toEqual({ spentMicroEur: 0, segments: 0, messages: 0 });
    });

    it('never takes a month past its budget, even with 20 charges at once: exactly the ones that fit', async () => {
      const plpId = newPlp();
      const budget = 10 * 80_000; // room for ten one-part SMS
      const charged = await Promise.all(Array.from({ length: 20 }, () => store.chargeSms(sms(plpId), budget)));
      expect(charged.filter(Boolean)).toHaveLength(10);
      expect(await store.smsSpent(plpId, '2026-11')).toEqual({ spentMicroEur: budget, segments: 10, messages: 10 });
      expect(await store.chargeSms(sms(plpId), budget)).toBe(false);
    });

    it('starts each month, and each PLP, from zero', async () => {
      const plpId = newPlp();
      const budget = 80_000;
      expect(await store.chargeSms(sms(plpId, '2026-11'), budget)).toBe(true);
      expect(await store.chargeSms(sms(plpId, '2026-11'), budget)).toBe(false);

      expect(await store.chargeSms(sms(plpId, '2026-12'), budget)).toBe(true);
      expect(await store.chargeSms(sms(newPlp(), '2026-11'), budget)).toBe(true);
      expect(await store.smsSpent(plpId, '2026-12')).toEqual({ spentMicroEur: 80_000, segments: 1, messages: 1 });
      expect(await store.smsSpent(plpId, '2027-01')).toEqual({ spentMicroEur: 0, segments: 0, messages: 0 });
    });

    it('gives a refunded charge back, and a refund of nothing never takes the month below zero', async () => {
      const plpId = newPlp();
      const budget = 160_000;
      const twice = sms(plpId);
      expect(await store.chargeSms(twice, budget)).toBe(true);
      expect(await store.chargeSms(twice, budget)).toBe(true);
      expect(await store.chargeSms(twice, budget)).toBe(false);

      await store.refundSms(twice);
      expect(await store.chargeSms(twice, budget)).toBe(true);

      const other = newPlp();
      await store.refundSms(sms(other)); // never charged
      await store.refundSms(sms(plpId, '2026-11', 5)); // more than was charged
      expect(await store.smsSpent(other, '2026-11')).toEqual({ spentMicroEur: 0, segments: 0, messages: 0 });
      expect(await store.smsSpent(plpId, '2026-11')).toEqual({ spentMicroEur: 160_000, segments: 2, messages: 2 });
    });
  });
}
