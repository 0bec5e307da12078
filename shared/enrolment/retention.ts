import type { Enrolment } from './ports.ts';

const DAY_MS = 86_400_000;

/**
 * How long an enrolment item is kept. Unconfirmed and locked requests hold contact data and are dropped a
 * day after they were made; rejected ones (already without contact data) after 30 days; pending approval
 * and activated ones are kept (the activated record holds only ids and the consent given).
 */
export function enrolmentRetainedUntil(e: Pick<Enrolment, 'status' | 'createdAt' | 'decidedAt'>): Date | undefined {
  switch (e.status) {
    case 'pending_confirmation':
    case 'locked':
      return new Date(new Date(e.createdAt).getTime() + DAY_MS);
    case 'rejected':
      return new Date(new Date(e.decidedAt ?? e.createdAt).getTime() + 30 * DAY_MS);
    default:
      return undefined;
  }
}
