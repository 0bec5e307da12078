import { ConflictError, ValidationError } from '../errors.ts';
import { requiredField, validationProblem } from '../i18n/problems.ts';
import { illegalTransitionProblem } from './problems.ts';
import type { PlpStatus } from './model.ts';

/**
 * The PLP life cycle of the circular of 8 April 2019: preparation → information session → charter
 * submitted → charter approved (by the SPF Intérieur, with its reference) → launched. A launched PLP may be
 * suspended and relaunched; any PLP not yet dissolved may be dissolved, and dissolution is final.
 */
const next: Record<PlpStatus, readonly PlpStatus[]> = {
  preparation: ['information_session', 'dissolved'],
  information_session: ['charter_submitted', 'dissolved'],
  charter_submitted: ['charter_approved', 'information_session', 'dissolved'],
  charter_approved: ['launched', 'dissolved'],
  launched: ['suspended', 'dissolved'],
  suspended: ['launched', 'dissolved'],
  dissolved: [],
};

export const allowedTransitions = (from: PlpStatus): readonly PlpStatus[] => next[from];

/** Only a launched PLP accepts enrolments and is listed publicly. */
export const acceptsMembers = (status: PlpStatus) => status === 'launched';

/**
 * Checks one transition. Throws ConflictError for an illegal one and ValidationError when approving a
 * charter without its reference.
 */
export function checkTransition(from: PlpStatus, to: PlpStatus, charterReference?: string): void {
  if (!next[from].includes(to)) {
    const allowed = next[from].length ? next[from].join(', ') : '–';
    throw new ConflictError(illegalTransitionProblem, { vars: { from, to, allowed } });
  }
  if (to === 'charter_approved' && !charterReference) {
    throw new ValidationError(validationProblem, [{ path: 'charterReference', kind: requiredField }]);
  }
}
