import { smsSegments } from './gsm7.ts';

/**
 * The monthly SMS budget of a PLP (`smsMonthlyBudgetEur`, docs/api.md "SMS budget"). Every SMS that belongs
 * to a PLP is charged to it before it is sent (segments × the stage's price per segment), atomically against
 * its budget for the calendar month in Europe/Brussels; a charge that would take the month past the budget
 * is refused and the SMS is not sent. Codes, member links and red alerts are never charged; a PLP without a
 * budget of its own has the stage's default. Amounts are whole micro-euros, so sums are exact.
 */

/** The months of budgets are Belgian months: 00:30 on 1 December in Brussels is December's, not November's. */
export const BUDGET_TIME_ZONE = 'Europe/Brussels';

const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: BUDGET_TIME_ZONE, year: 'numeric', month: '2-digit' });

/** The budget month of an instant, `YYYY-MM` in Europe/Brussels. */
export function budgetMonth(at: Date): string {
  const parts = Object.fromEntries(monthFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

/** Euros as whole micro-euros (0.075 € → 75 000). */
export const microEur = (eur: number) => Math.round(eur * 1_000_000);

/** The PLP an SMS is charged to, with its own budget when it has one. */
export type BudgetedPlp = { plpId: string; smsMonthlyBudgetEur?: number | undefined };

/** One SMS charged to a PLP's month. */
export type SmsCharge = { plpId: string; month: string; segments: number; costMicroEur: number };

/** What a PLP has been charged in a month (nothing yet: zeros). */
export type SmsSpend = { spentMicroEur: number; segments: number; messages: number };

/** The charge of one SMS text to a PLP at an instant: its segments (GSM-7 or UCS-2) at the price of one. */
export function smsCharge(plpId: string, text: string, pricePerSegmentEur: number, at: Date): SmsCharge {
  const { segments } = smsSegments(text);
  return { plpId, month: budgetMonth(at), segments, costMicroEur: segments * microEur(pricePerSegmentEur) };
}

/** The rule: a charge is allowed when the month's spend with it stays within the budget (reaching it is fine). */
export const withinBudget = (spentMicroEur: number, costMicroEur: number, budgetMicroEur: number) =>
  spentMicroEur + costMicroEur <= budgetMicroEur;

/** Budgeted SMS spend per (PLP, month) (access pattern 19 in shared/table/keys.ts). */
export type SmsBudgetStore = {
  /**
   * Adds the charge to its PLP's month if the month stays within `budgetMicroEur` (withinBudget), atomically:
   * parallel charges never take a month past its budget. True when charged; false, and nothing written, when
   * refused.
   */
  chargeSms(charge: SmsCharge, budgetMicroEur: number): Promise<boolean>;
  /** Gives back a charge whose SMS could not be sent (never below zero). */
  refundSms(charge: SmsCharge): Promise<void>;
  smsSpent(plpId: string, month: string): Promise<SmsSpend>;
};

/** The budget as a use case sees it: the store and the stage's settings. */
export type SmsBudget = {
  store: SmsBudgetStore;
  /** What one SMS segment (message part) costs, in euros (stage setting `smsPricePerSegmentEur`). */
  pricePerSegmentEur: number;
  /** The budget of a PLP that has none of its own, in euros a month (stage setting `smsDefaultMonthlyBudgetEur`). */
  defaultMonthlyBudgetEur: number;
  /** Told of each SMS not sent because its PLP's month is spent: counted and logged, with ids only. */
  skipped(charge: SmsCharge): void;
};

/** The stage defaults (docs/deploy.md): about what AWS charges for one SMS part to a Belgian mobile. */
export const DEFAULT_SMS_PRICE_PER_SEGMENT_EUR = 0.08;
/** A PLP without a budget of its own: 25 € a month, about 300 segments (a hundred welcomes of three parts). */
export const DEFAULT_SMS_MONTHLY_BUDGET_EUR = 25;

/**
 * Charges one SMS text to its PLP: the charge when it may be sent (refundSms it if the send then fails), or
 * undefined when the PLP's month is spent — then nobody is told but `skipped`.
 */
export async function chargeSms(
  plp: BudgetedPlp,
  text: string,
  budget: SmsBudget,
  at: Date,
): Promise<SmsCharge | undefined> {
  const charge = smsCharge(plp.plpId, text, budget.pricePerSegmentEur, at);
  const limit = microEur(plp.smsMonthlyBudgetEur ?? budget.defaultMonthlyBudgetEur);
  if (withinBudget(0, charge.costMicroEur, limit) && (await budget.store.chargeSms(charge, limit))) return charge;
  budget.skipped(charge);
  return undefined;
}
