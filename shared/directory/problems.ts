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

/** Postcodes of a PLP's zone that are not in its commune's province (errors: the codes below, per postcode). */
export const postcodesOutsideCommuneProblem: ProblemKind<400> = {
  slug: 'postcodes-outside-commune',
  status: 400,
  title: {
    fr: 'Codes postaux hors de la commune',
    nl: 'Postcodes buiten de gemeente',
    de: 'Postleitzahlen außerhalb der Gemeinde',
    en: 'Postcodes outside the commune',
  },
  detail: {
    fr: 'Des codes postaux de la zone ne sont pas dans la province de la commune.',
    nl: 'Postcodes van de zone liggen niet in de provincie van de gemeente.',
    de: 'Postleitzahlen des Gebiets liegen nicht in der Provinz der Gemeinde.',
    en: 'Postcodes of the zone are not in the province of the commune.',
  },
};
/** vars: postcode. */
export const unknownPostcodeField: FieldKind = {
  code: 'unknown_postcode',
  message: {
    fr: "{postcode} n'est le code postal d'aucune localité belge.",
    nl: '{postcode} is geen postcode van een Belgische plaats.',
    de: '{postcode} ist keine Postleitzahl einer belgischen Ortschaft.',
    en: '{postcode} is not the postcode of a Belgian locality.',
  },
};
/** vars: postcode, nis. */
export const postcodeOutsideCommuneField: FieldKind = {
  code: 'postcode_outside_commune',
  message: {
    fr: "{postcode} n'est pas dans la province (ou la Région bruxelloise) de la commune {nis}.",
    nl: '{postcode} ligt niet in de provincie (of het Brussels Gewest) van gemeente {nis}.',
    de: '{postcode} liegt nicht in der Provinz (oder der Region Brüssel) der Gemeinde {nis}.',
    en: '{postcode} is not in the province (or the Brussels Region) of commune {nis}.',
  },
};
/** A NIS code whose first digits name no province, so its postcodes cannot be checked. vars: nis. */
export const nisWithoutProvinceField: FieldKind = {
  code: 'nis_without_province',
  message: {
    fr: 'Le code INS {nis} ne désigne aucune province belge.',
    nl: 'De NIS-code {nis} wijst geen Belgische provincie aan.',
    de: 'Der NIS-Code {nis} bezeichnet keine belgische Provinz.',
    en: 'The NIS code {nis} names no Belgian province.',
  },
};
