import { describe, expect, it } from 'vitest';
import {
  budgetMonth,
  chargeSms,
  microEur,
  type SmsBudget,
  type SmsCharge,
  smsCharge,
  withinBudget,
} from '../../../shared/messaging/sms-budget.ts';
import { fakeSmsBudgetStore } from '../../support/fakes/sms-budget-store.ts';

describe('budgetMonth (Europe/Brussels)', () => {
  it('reads the month on the Brussels clock, in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(budgetMonth(new Date('2026-11-30T22:59:59Z'))).toBe('2026-11');
    expect(budgetMonth(new Date('2026-11-30T23:00:00Z'))).toBe('2026-12'); // midnight, 1 December, in Brussels
    expect(budgetMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(budgetMonth(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06');
    expect(budgetMonth(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07');
  });
});

describe('smsCharge and withinBudget', () => {
  it('costs segments × the price of one, in whole micro-euros', () => {
    const at = new Date('2026-11-15T10:00:00Z');
    expect(smsCharge('p', 'a'.repeat(160), 0.08, at)).toEqual({
      plpId: 'p',
      month: '2026-11',
      segments: 1,
      costMicroEur: 80_000,
    });
    expect(smsCharge('p', 'a'.repeat(161), 0.0753, at)).toMatchObject({ segments: 2, costMicroEur: 150_600 });
    // One character outside GSM-7 makes it UCS-2: 70 characters a part.
    expect(smsCharge('p', `${'a'.repeat(70)}✓`, 0.08, at).segments).toBe(2);
    expect(microEur(0.1 + 0.2)).toBe(300_000);
  });

  it('allows a charge that reaches the budget, not one that passes it', () => {
    expect(withinBudget(920_000, 80_000, 1_000_000)).toBe(true);
    expect(withinBudget(920_001, 80_000, 1_000_000)).toBe(false);
    expect(withinBudget(0, 1, 0)).toBe(false);
  });
});

describe('chargeSms', () => {
  const budget = (over: Partial<SmsBudget> = {}) => {
    const skipped: SmsCharge[] = [];
    const b: SmsBudget = {
      store: fakeSmsBudgetStore(),
      pricePerSegmentEur: 0.1,
      defaultMonthlyBudgetEur: 0.3,
      skipped: (c) => skipped.push(c),
      ...over,
    };
    return { b, skipped };
  };
  const at = new Date('2026-11-15T10:00:00Z');

  it('charges the PLP’s own budget, else the stage default, and tells `skipped` of each refusal', async () => {
    const { b, skipped } = budget();
    const own = { plpId: 'own', smsMonthlyBudgetEur: 0.1 };
    expect(await chargeSms(own, 'hello', b, at)).toMatchObject({ plpId: 'own', costMicroEur: 100_000 });
    expect(await chargeSms(own, 'hello', b, at)).toBeUndefined();

    const byDefault = { plpId: 'default' };
    for (let i = 0; i < 3; i++) expect(await chargeSms(byDefault, 'hello', b, at)).toBeDefined();
    expect(await chargeSms(byDefault, 'hello', b, at)).toBeUndefined();

    expect(skipped.map((c) => [c.plpId, c.month, c.segments])).toEqual([
      ['own', '2026-11', 1],
      ['default', '2026-11', 1],
    ]);
  });

  it('starts a new Brussels month from zero', async () => {
    const { b } = budget();
    const plp = { plpId: 'monthly', smsMonthlyBudgetEur: 0.1 };
    expect(await chargeSms(plp, 'hi', b, new Date('2026-11-30T22:00:00Z'))).toBeDefined();
    expect(await chargeSms(plp, 'hi', b, new Date('2026-11-30T22:30:00Z'))).toBeUndefined();
    expect(await chargeSms(plp, 'hi', b, new Date('2026-11-30T23:00:00Z'))).toMatchObject({ month: '2026-12' });
  });

  it('a budget of 0 sends no budgeted SMS at all', async () => {
    const { b, skipped } = budget();
    expect(await chargeSms({ plpId: 'none', smsMonthlyBudgetEur: 0 }, 'hi', b, at)).toBeUndefined();
    expect(skipped).toHaveLength(1);
  });
});
