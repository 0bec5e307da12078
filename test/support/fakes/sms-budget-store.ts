import { type SmsBudgetStore, type SmsSpend, withinBudget } from '../../../shared/messaging/sms-budget.ts';

/**
 * An in-memory SmsBudgetStore with the rules of dynamoSmsBudgetStore (shared/adapters/dynamodb/sms-budget-store.ts):
 * one counter per (PLP, month), a charge added only when the month stays within the budget, a refund never
 * below zero. Each call decides and writes without yielding, so parallel charges are applied one after the
 * other, as DynamoDB applies conditional updates of one item. It passes the same contract suite
 * (test/support/contracts/sms-budget-store.contract.ts).
 */
export function fakeSmsBudgetStore(): SmsBudgetStore {
  /** `${plpId}#${month}` → what the month has been charged. */
  const months = new Map<string, SmsSpend>();
  const spent = (plpId: string, month: string): SmsSpend =>
    months.get(`${plpId}#${month}`) ?? { spentMicroEur: 0, segments: 0, messages: 0 };
  return {
    async chargeSms(charge, budgetMicroEur) {
      const now = spent(charge.plpId, charge.month);
      if (!withinBudget(now.spentMicroEur, charge.costMicroEur, budgetMicroEur)) return false;
      months.set(`${charge.plpId}#${charge.month}`, {
        spentMicroEur: now.spentMicroEur + charge.costMicroEur,
        segments: now.segments + charge.segments,
        messages: now.messages + 1,
      });
      return true;
    },
    async refundSms(charge) {
      const now = spent(charge.plpId, charge.month);
      if (now.spentMicroEur < charge.costMicroEur || now.messages < 1) return;
      months.set(`${charge.plpId}#${charge.month}`, {
        spentMicroEur: now.spentMicroEur - charge.costMicroEur,
        segments: now.segments - charge.segments,
        messages: now.messages - 1,
      });
    },
    smsSpent: async (plpId, month) => ({ ...spent(plpId, month) }),
  };
}
