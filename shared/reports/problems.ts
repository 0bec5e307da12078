/**
 * The problems of reports, and their field errors (see shared/i18n/problems.ts): a constant each, so a function
 * bundles the texts of the problems it can raise only.
 */
import type { FieldKind, ProblemKind, Texts } from '../i18n/problems.ts';

const PLP_REQUIRED_TEXT: Texts = {
  fr: 'Vous êtes membre de plusieurs PLP : indiquez celle de votre signalement.',
  nl: 'U bent lid van meerdere BIN’s: kies het BIN van uw melding.',
  de: 'Sie sind Mitglied mehrerer PLP: wählen Sie die PLP Ihrer Meldung.',
  en: 'You are a member of several PLPs: say which one the report is for.',
};
/** A member of several PLPs reported without `plpId` (errors: `plpId` plp_required). */
export const plpRequiredProblem: ProblemKind<400> = {
  slug: 'plp-required',
  status: 400,
  title: { fr: 'PLP à préciser', nl: 'BIN kiezen', de: 'PLP angeben', en: 'PLP required' },
  detail: PLP_REQUIRED_TEXT,
};
export const plpRequiredField: FieldKind = { code: 'plp_required', message: PLP_REQUIRED_TEXT };

const OBSERVED_AT_TITLE: Texts = {
  fr: 'Moment non valable',
  nl: 'Ongeldig tijdstip',
  de: 'Ungültiger Zeitpunkt',
  en: 'Time out of range',
};

const OBSERVED_IN_FUTURE_TEXT: Texts = {
  fr: 'Le moment observé est dans le futur.',
  nl: 'Het tijdstip van de waarneming ligt in de toekomst.',
  de: 'Der Zeitpunkt der Beobachtung liegt in der Zukunft.',
  en: 'The time observed is in the future.',
};
/** `observedAt` later than now (beyond a few minutes of clock skew) (errors: `observedAt` observed_in_future). */
export const observedInFutureProblem: ProblemKind<400> = {
  slug: 'observed-at-out-of-range',
  status: 400,
  title: OBSERVED_AT_TITLE,
  detail: OBSERVED_IN_FUTURE_TEXT,
};
export const observedInFutureField: FieldKind = { code: 'observed_in_future', message: OBSERVED_IN_FUTURE_TEXT };

const OBSERVED_TOO_OLD_TEXT: Texts = {
  fr: 'Le moment observé date de plus de {days} jours : contactez la police directement (101).',
  nl: 'De waarneming is meer dan {days} dagen oud: neem rechtstreeks contact op met de politie (101).',
  de: 'Die Beobachtung ist älter als {days} Tage: wenden Sie sich direkt an die Polizei (101).',
  en: 'The time observed is more than {days} days ago: contact the police directly (101).',
};
/** `observedAt` too long ago for a neighbourhood report (errors: `observedAt` observed_too_old). vars: days. */
export const observedTooOldProblem: ProblemKind<400> = {
  slug: 'observed-at-out-of-range',
  status: 400,
  title: OBSERVED_AT_TITLE,
  detail: OBSERVED_TOO_OLD_TEXT,
};
export const observedTooOldField: FieldKind = { code: 'observed_too_old', message: OBSERVED_TOO_OLD_TEXT };
