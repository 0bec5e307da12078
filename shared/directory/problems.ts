/** The problems of the directory (communes, PLPs and their life cycle); see shared/i18n/problems.ts. */
import type { FieldKind, ProblemKind, Texts } from '../i18n/problems.ts';

const UNKNOWN_COMMUNE_TEXT: Texts = {
  fr: "Aucune commune n'a ce code INS.",
  nl: 'Geen gemeente heeft deze NIS-code.',
  de: 'Keine Gemeinde hat diesen NIS-Code.',
  en: 'No commune has this NIS code.',
};
/** A PLP for a commune that does not exist (errors: `communeNis` unknown_commune). */
export const unknownCommuneProblem: ProblemKind<400> = {
  slug: 'unknown-commune',
  status: 400,
  title: { fr: 'Commune inconnue', nl: 'Onbekende gemeente', de: 'Unbekannte Gemeinde', en: 'Unknown commune' },
  detail: UNKNOWN_COMMUNE_TEXT,
};
export const unknownCommuneField: FieldKind = { code: 'unknown_commune', message: UNKNOWN_COMMUNE_TEXT };

/** vars: from, to, allowed (statuses, comma-separated, or –). */
export const illegalTransitionProblem: ProblemKind<409> = {
  slug: 'illegal-transition',
  status: 409,
  title: {
    fr: 'Transition non permise',
    nl: 'Overgang niet toegestaan',
    de: 'Übergang nicht erlaubt',
    en: 'Transition not allowed',
  },
  detail: {
    fr: 'Une PLP au statut {from} ne peut pas passer à {to} (permis : {allowed}).',
    nl: 'Een BIN met status {from} kan niet naar {to} (toegestaan: {allowed}).',
    de: 'Eine PLP im Status {from} kann nicht zu {to} wechseln (erlaubt: {allowed}).',
    en: 'A PLP in status {from} cannot move to {to} (allowed: {allowed}).',
  },
};

const EXISTS: Texts = { fr: 'Existe déjà', nl: 'Bestaat al', de: 'Existiert bereits', en: 'Already exists' };

/** vars: nis. */
export const communeExistsProblem: ProblemKind<409> = {
  slug: 'already-exists',
  status: 409,
  title: EXISTS,
  detail: {
    fr: 'La commune {nis} existe déjà.',
    nl: 'De gemeente {nis} bestaat al.',
    de: 'Die Gemeinde {nis} existiert bereits.',
    en: 'Commune {nis} already exists.',
  },
};

/** vars: code. */
export const plpCodeTakenProblem: ProblemKind<409> = {
  slug: 'already-exists',
  status: 409,
  title: EXISTS,
  detail: {
    fr: 'Une PLP avec le code {code} existe déjà.',
    nl: 'Er bestaat al een BIN met de code {code}.',
    de: 'Eine PLP mit dem Code {code} existiert bereits.',
    en: 'A PLP with code {code} already exists.',
  },
};
