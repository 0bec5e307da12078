/**
 * The problems of enrolment and membership, and their field errors (see shared/i18n/problems.ts): a constant
 * each, so a function bundles the texts of the problems it can raise only.
 */
import type { FieldKind, ProblemKind, Texts } from '../i18n/problems.ts';

// ---- Address and PLP ---------------------------------------------------------------------------------------

const OUTSIDE_ZONE: Texts = {
  fr: 'Adresse hors zone',
  nl: 'Adres buiten de zone',
  de: 'Adresse außerhalb des Gebiets',
  en: 'Address outside the zone',
};

const POSTCODE_OUTSIDE_ZONE_TEXT: Texts = {
  fr: "Ce code postal n'est pas dans la zone de {plp}.",
  nl: 'Deze postcode ligt niet in de zone van {plp}.',
  de: 'Diese Postleitzahl liegt nicht im Gebiet von {plp}.',
  en: 'This postcode is not in the zone of {plp}.',
};
/** The postcode is not one of the PLP's (errors: `address.postcode` outside_zone_postcode). vars: plp. */
export const postcodeOutsideZoneProblem: ProblemKind<400> = {
  slug: 'outside-zone',
  status: 400,
  title: OUTSIDE_ZONE,
  detail: POSTCODE_OUTSIDE_ZONE_TEXT,
};
export const postcodeOutsideZoneField: FieldKind = {
  code: 'outside_zone_postcode',
  message: POSTCODE_OUTSIDE_ZONE_TEXT,
};

const STREET_OUTSIDE_ZONE_TEXT: Texts = {
  fr: "Cette rue n'est pas dans la zone de {plp} ; vérifiez son nom.",
  nl: 'Deze straat ligt niet in de zone van {plp}; controleer de naam.',
  de: 'Diese Straße liegt nicht im Gebiet von {plp}; prüfen Sie den Namen.',
  en: 'This street is not in the zone of {plp}; check its name.',
};
/** The postcode is, the street is not (errors: `address.street` outside_zone_street). vars: plp. */
export const streetOutsideZoneProblem: ProblemKind<400> = {
  slug: 'outside-zone',
  status: 400,
  title: OUTSIDE_ZONE,
  detail: STREET_OUTSIDE_ZONE_TEXT,
};
export const streetOutsideZoneField: FieldKind = {
  code: 'outside_zone_street',
  message: STREET_OUTSIDE_ZONE_TEXT,
};

const PLP_NOT_ENROLLING_TEXT: Texts = {
  fr: "Cette PLP n'accepte pas d'inscriptions.",
  nl: 'Dit BIN aanvaardt geen inschrijvingen.',
  de: 'Diese PLP nimmt keine Anmeldungen an.',
  en: 'This PLP does not accept enrolments.',
};
/** Unknown, or not (yet, any more) launched: the two are not told apart (errors: `plpId` plp_not_enrolling). */
export const plpNotEnrollingProblem: ProblemKind<400> = {
  slug: 'plp-not-enrolling',
  status: 400,
  title: {
    fr: 'Inscriptions fermées',
    nl: 'Inschrijvingen gesloten',
    de: 'Anmeldungen geschlossen',
    en: 'Enrolment closed',
  },
  detail: PLP_NOT_ENROLLING_TEXT,
};
export const plpNotEnrollingField: FieldKind = { code: 'plp_not_enrolling', message: PLP_NOT_ENROLLING_TEXT };

// ---- Phone numbers and channels ----------------------------------------------------------------------------

const INVALID_PHONE_TEXT: Texts = {
  fr: "Ce numéro de téléphone n'est pas valide.",
  nl: 'Dit telefoonnummer is ongeldig.',
  de: 'Diese Telefonnummer ist ungültig.',
  en: 'This phone number is not valid.',
};
export const invalidPhoneProblem: ProblemKind<400> = {
  slug: 'invalid-phone',
  status: 400,
  title: {
    fr: 'Numéro de téléphone non valide',
    nl: 'Ongeldig telefoonnummer',
    de: 'Ungültige Telefonnummer',
    en: 'Invalid phone number',
  },
  detail: INVALID_PHONE_TEXT,
};
export const invalidPhoneField: FieldKind = { code: 'invalid_phone', message: INVALID_PHONE_TEXT };
export const phoneExtensionField: FieldKind = {
  code: 'phone_extension',
  message: {
    fr: 'Donnez le numéro sans numéro de poste.',
    nl: 'Geef het nummer zonder toestelnummer.',
    de: 'Geben Sie die Nummer ohne Durchwahl an.',
    en: 'Give the number without an extension.',
  },
};

const COUNTRY_NOT_ALLOWED_TEXT: Texts = {
  fr: 'Seuls les numéros de ces pays sont acceptés ici : {countries}.',
  nl: 'Alleen nummers uit deze landen worden hier aanvaard: {countries}.',
  de: 'Hier werden nur Nummern aus diesen Ländern akzeptiert: {countries}.',
  en: 'Only numbers from these countries are accepted here: {countries}.',
};
/** A number of a country off the allow-list (errors: `phone` country_not_allowed). vars: countries. */
export const countryNotAllowedProblem: ProblemKind<400> = {
  slug: 'country-not-allowed',
  status: 400,
  title: { fr: 'Pays non accepté', nl: 'Land niet aanvaard', de: 'Land nicht akzeptiert', en: 'Country not accepted' },
  detail: COUNTRY_NOT_ALLOWED_TEXT,
};
export const countryNotAllowedField: FieldKind = {
  code: 'country_not_allowed',
  message: COUNTRY_NOT_ALLOWED_TEXT,
};

const NOT_BELGIAN_TEXT: Texts = {
  fr: 'Seuls les numéros belges peuvent recevoir des SMS ici.',
  nl: "Alleen Belgische nummers kunnen hier sms'jes ontvangen.",
  de: 'Hier können nur belgische Nummern SMS empfangen.',
  en: 'Only Belgian numbers can receive SMS here.',
};
/**
 * A foreign number when Belgium alone is allowed (the default allow-list): the country-not-allowed problem,
 * said the way a resident understands it (errors: `phone` not_belgian).
 */
export const notBelgianProblem: ProblemKind<400> = { ...countryNotAllowedProblem, detail: NOT_BELGIAN_TEXT };
export const notBelgianField: FieldKind = { code: 'not_belgian', message: NOT_BELGIAN_TEXT };

const NOT_MOBILE_TEXT: Texts = {
  fr: 'Pour les SMS, donnez un numéro de GSM (04xx…), ou une adresse e-mail.',
  nl: "Geef voor sms'jes een gsm-nummer (04xx…), of een e-mailadres.",
  de: 'Geben Sie für SMS eine Handynummer (04xx…) an, oder eine E-Mail-Adresse.',
  en: 'For SMS, give a mobile number (04xx…), or an e-mail address.',
};
/** A number that cannot receive SMS (a Belgian landline) for the sms channel (errors: `phone` not_mobile). */
export const notMobileProblem: ProblemKind<400> = {
  slug: 'not-mobile',
  status: 400,
  title: { fr: 'Pas un numéro de GSM', nl: 'Geen gsm-nummer', de: 'Keine Handynummer', en: 'Not a mobile number' },
  detail: NOT_MOBILE_TEXT,
};
export const notMobileField: FieldKind = { code: 'not_mobile', message: NOT_MOBILE_TEXT };

const SMS_STOPPED_TEXT: Texts = {
  fr: 'Ce numéro a demandé à ne plus recevoir de SMS (ARRET) : envoyez-en INSCRIRE et le code de la PLP, ou donnez une adresse e-mail.',
  nl: "Dit nummer vroeg om geen sms'jes meer (STOP): stuur ervan AANMELDEN en de code van het BIN, of geef een e-mailadres.",
  de: 'Diese Nummer wollte keine SMS mehr (STOPP): Senden Sie von ihr ANMELDEN und den Code der PLP, oder geben Sie eine E-Mail-Adresse an.',
  en: 'This number asked for no more SMS (STOP): text JOIN and the PLP code from it, or give an e-mail address.',
};
/** A number that texted STOP, given for the sms channel of a member (errors: `phone` sms_stopped). */
export const smsStoppedProblem: ProblemKind<400> = {
  slug: 'sms-stopped',
  status: 400,
  title: { fr: 'SMS arrêtés', nl: "Sms'jes gestopt", de: 'SMS gestoppt', en: 'SMS stopped' },
  detail: SMS_STOPPED_TEXT,
};
export const smsStoppedField: FieldKind = { code: 'sms_stopped', message: SMS_STOPPED_TEXT };

/** Neither a phone number nor an e-mail address (on both fields). */
export const contactRequiredField: FieldKind = {
  code: 'contact_required',
  message: {
    fr: 'Donnez un numéro de téléphone ou une adresse e-mail.',
    nl: 'Geef een telefoonnummer of een e-mailadres.',
    de: 'Geben Sie eine Telefonnummer oder eine E-Mail-Adresse an.',
    en: 'Give a phone number or an e-mail address.',
  },
};
/** Both a phone number and an e-mail address where one is expected. */
export const oneContactField: FieldKind = {
  code: 'one_contact',
  message: {
    fr: 'Donnez soit un numéro de téléphone, soit une adresse e-mail.',
    nl: 'Geef ofwel een telefoonnummer, ofwel een e-mailadres.',
    de: 'Geben Sie entweder eine Telefonnummer oder eine E-Mail-Adresse an.',
    en: 'Give either a phone number or an e-mail address.',
  },
};
/** The sms channel without a phone number (on `phone`, or on `channels` when none is on file). */
export const phoneForSmsField: FieldKind = {
  code: 'phone_required_for_sms',
  message: {
    fr: 'Les SMS demandent un numéro de téléphone.',
    nl: "Sms'jes vragen een telefoonnummer.",
    de: 'SMS brauchen eine Telefonnummer.',
    en: 'SMS needs a phone number.',
  },
};
/** The email channel without an e-mail address (on `email`, or on `channels` when none is on file). */
export const emailForEmailField: FieldKind = {
  code: 'email_required_for_email',
  message: {
    fr: "L'e-mail demande une adresse e-mail.",
    nl: 'E-mail vraagt een e-mailadres.',
    de: 'E-Mail braucht eine E-Mail-Adresse.',
    en: 'E-mail needs an e-mail address.',
  },
};

/** Too many codes or links sent to one contact (per-contact limit). */
export const contactRateLimitedProblem: ProblemKind<429> = {
  slug: 'contact-rate-limited',
  status: 429,
  title: { fr: 'Trop de messages', nl: 'Te veel berichten', de: 'Zu viele Nachrichten', en: 'Too many messages' },
  detail: {
    fr: 'Trop de messages ont été envoyés à ce contact ; réessayez plus tard.',
    nl: 'Er werden te veel berichten naar dit contact gestuurd; probeer het later opnieuw.',
    de: 'An diesen Kontakt wurden zu viele Nachrichten gesendet; versuchen Sie es später erneut.',
    en: 'Too many messages were sent to this contact; try again later.',
  },
};

// ---- Codes -------------------------------------------------------------------------------------------------

const WRONG_CODE: Texts = { fr: 'Code erroné', nl: 'Verkeerde code', de: 'Falscher Code', en: 'Wrong code' };

const CODE_WRONG_TEXT: Texts = {
  fr: "Ce code n'est pas le bon ; vérifiez-le et réessayez.",
  nl: 'Deze code klopt niet; controleer hem en probeer opnieuw.',
  de: 'Dieser Code stimmt nicht; prüfen Sie ihn und versuchen Sie es erneut.',
  en: 'This code is not right; check it and try again.',
};
/** errors: `code` code_wrong. */
export const codeWrongProblem: ProblemKind<400> = {
  slug: 'code-wrong',
  status: 400,
  title: WRONG_CODE,
  detail: CODE_WRONG_TEXT,
};
export const codeWrongField: FieldKind = { code: 'code_wrong', message: CODE_WRONG_TEXT };

const LAST_ATTEMPT: Texts = {
  fr: 'Code erroné, plus aucun essai',
  nl: 'Verkeerde code, geen pogingen meer',
  de: 'Falscher Code, keine Versuche mehr',
  en: 'Wrong code, no attempts left',
};
/** The wrong code that used the last attempt: the enrolment is now locked (errors: `code` code_wrong). */
export const lastAttemptEnrolmentProblem: ProblemKind<400> = {
  slug: 'code-attempts-exhausted',
  status: 400,
  title: LAST_ATTEMPT,
  detail: {
    fr: "Code erroné ; c'était le dernier essai : cette inscription est bloquée. Inscrivez-vous à nouveau.",
    nl: 'Verkeerde code; dat was de laatste poging: deze inschrijving is geblokkeerd. Schrijf u opnieuw in.',
    de: 'Falscher Code; das war der letzte Versuch: Diese Anmeldung ist gesperrt. Melden Sie sich erneut an.',
    en: 'Wrong code; that was the last attempt: this enrolment is locked. Enrol again.',
  },
};
/** The wrong code that used the last attempt of a contact change: the change is dropped. */
export const lastAttemptChangeProblem: ProblemKind<400> = {
  slug: 'code-attempts-exhausted',
  status: 400,
  title: LAST_ATTEMPT,
  detail: {
    fr: "Code erroné ; c'était le dernier essai : demandez un nouveau code.",
    nl: 'Verkeerde code; dat was de laatste poging: vraag een nieuwe code aan.',
    de: 'Falscher Code; das war der letzte Versuch: Fordern Sie einen neuen Code an.',
    en: 'Wrong code; that was the last attempt: ask for a new code.',
  },
};

const CODE_EXPIRED: Texts = { fr: 'Code expiré', nl: 'Code verlopen', de: 'Code abgelaufen', en: 'Code expired' };
/** errors: `code` code_expired. */
export const codeExpiredEnrolmentProblem: ProblemKind<400> = {
  slug: 'code-expired',
  status: 400,
  title: CODE_EXPIRED,
  detail: {
    fr: 'Le code a expiré ; inscrivez-vous à nouveau pour en recevoir un nouveau.',
    nl: 'De code is verlopen; schrijf u opnieuw in om een nieuwe te krijgen.',
    de: 'Der Code ist abgelaufen; melden Sie sich erneut an, um einen neuen zu erhalten.',
    en: 'The code has expired; enrol again to receive a new one.',
  },
};
export const codeExpiredChangeProblem: ProblemKind<400> = {
  slug: 'code-expired',
  status: 400,
  title: CODE_EXPIRED,
  detail: {
    fr: 'Le code a expiré ; demandez-en un nouveau.',
    nl: 'De code is verlopen; vraag een nieuwe aan.',
    de: 'Der Code ist abgelaufen; fordern Sie einen neuen an.',
    en: 'The code has expired; ask for a new one.',
  },
};
export const codeExpiredField: FieldKind = {
  code: 'code_expired',
  message: {
    fr: 'Ce code a expiré.',
    nl: 'Deze code is verlopen.',
    de: 'Dieser Code ist abgelaufen.',
    en: 'This code has expired.',
  },
};

/** Five wrong codes: every later attempt, right or wrong, gets this. */
export const codeLockedProblem: ProblemKind<409> = {
  slug: 'code-locked',
  status: 409,
  title: {
    fr: 'Inscription bloquée',
    nl: 'Inschrijving geblokkeerd',
    de: 'Anmeldung gesperrt',
    en: 'Enrolment locked',
  },
  detail: {
    fr: 'Trop de codes erronés : cette inscription est bloquée. Inscrivez-vous à nouveau.',
    nl: 'Te veel verkeerde codes: deze inschrijving is geblokkeerd. Schrijf u opnieuw in.',
    de: 'Zu viele falsche Codes: Diese Anmeldung ist gesperrt. Melden Sie sich erneut an.',
    en: 'Too many wrong codes: this enrolment is locked. Enrol again.',
  },
};

export const alreadyConfirmedProblem: ProblemKind<409> = {
  slug: 'already-confirmed',
  status: 409,
  title: { fr: 'Déjà confirmée', nl: 'Al bevestigd', de: 'Bereits bestätigt', en: 'Already confirmed' },
  detail: {
    fr: 'Cette inscription est déjà confirmée.',
    nl: 'Deze inschrijving is al bevestigd.',
    de: 'Diese Anmeldung ist bereits bestätigt.',
    en: 'This enrolment is already confirmed.',
  },
};

/** Other details for a contact whose code for this PLP is still valid. */
export const codePendingProblem: ProblemKind<409> = {
  slug: 'code-pending',
  status: 409,
  title: { fr: 'Code déjà envoyé', nl: 'Code al verstuurd', de: 'Code bereits gesendet', en: 'Code already sent' },
  detail: {
    fr: 'Un code a été envoyé à ce contact pour cette PLP il y a quelques minutes : saisissez-le, ou inscrivez-vous à nouveau quand il aura expiré (15 minutes).',
    nl: 'Er werd enkele minuten geleden een code naar dit contact gestuurd voor dit BIN: vul hem in, of schrijf u opnieuw in zodra hij verlopen is (15 minuten).',
    de: 'An diesen Kontakt wurde vor einigen Minuten ein Code für diese PLP gesendet: Geben Sie ihn ein, oder melden Sie sich erneut an, sobald er abgelaufen ist (15 Minuten).',
    en: 'A code was sent to this contact for this PLP a few minutes ago: enter it, or enrol again once it has expired (15 minutes).',
  },
};

/** An enrolment started by SMS confirmed without name and address (errors: `name`, `address` required). */
export const detailsRequiredProblem: ProblemKind<400> = {
  slug: 'details-required',
  status: 400,
  title: { fr: 'Informations manquantes', nl: 'Gegevens ontbreken', de: 'Angaben fehlen', en: 'Details missing' },
  detail: {
    fr: 'Complétez votre inscription avec votre nom et votre adresse.',
    nl: 'Vervolledig uw inschrijving met uw naam en adres.',
    de: 'Vervollständigen Sie Ihre Anmeldung mit Ihrem Namen und Ihrer Adresse.',
    en: 'Complete your enrolment with your name and address.',
  },
};

/** A coordinator's decision on an enrolment no longer waiting for one. vars: status. */
export const enrolmentDecidedProblem: ProblemKind<409> = {
  slug: 'enrolment-decided',
  status: 409,
  title: { fr: 'Déjà décidée', nl: 'Al beslist', de: 'Bereits entschieden', en: 'Already decided' },
  detail: {
    fr: "Cette inscription n'attend plus de décision ({status}).",
    nl: 'Deze inschrijving wacht niet meer op een beslissing ({status}).',
    de: 'Diese Anmeldung wartet nicht mehr auf eine Entscheidung ({status}).',
    en: 'This enrolment no longer waits for a decision ({status}).',
  },
};

// ---- Members -----------------------------------------------------------------------------------------------

export const noChangePendingProblem: ProblemKind<409> = {
  slug: 'no-change-pending',
  status: 409,
  title: {
    fr: 'Aucun changement en attente',
    nl: 'Geen wijziging in behandeling',
    de: 'Keine Änderung ausstehend',
    en: 'No change waiting',
  },
  detail: {
    fr: "Aucun changement de contact n'attend de code ; demandez-en un nouveau.",
    nl: 'Er wacht geen contactwijziging op een code; vraag een nieuwe aan.',
    de: 'Keine Kontaktänderung wartet auf einen Code; fordern Sie einen neuen an.',
    en: 'No contact change is waiting for a code; ask for a new one.',
  },
};

const CONTACT_UNCHANGED_TEXT: Texts = {
  fr: "C'est déjà votre contact.",
  nl: 'Dit is al uw contactgegeven.',
  de: 'Das ist bereits Ihr Kontakt.',
  en: 'This is already your contact.',
};
/** errors: `phone` or `email` unchanged. */
export const contactUnchangedProblem: ProblemKind<400> = {
  slug: 'contact-unchanged',
  status: 400,
  title: { fr: 'Rien à changer', nl: 'Niets te wijzigen', de: 'Nichts zu ändern', en: 'Nothing to change' },
  detail: CONTACT_UNCHANGED_TEXT,
};
export const unchangedField: FieldKind = { code: 'unchanged', message: CONTACT_UNCHANGED_TEXT };

export const contactTakenProblem: ProblemKind<409> = {
  slug: 'contact-taken',
  status: 409,
  title: {
    fr: 'Contact déjà utilisé',
    nl: 'Contact al in gebruik',
    de: 'Kontakt bereits verwendet',
    en: 'Contact in use',
  },
  detail: {
    fr: "Ce contact appartient à une autre inscription ; supprimez d'abord celle-ci.",
    nl: 'Dit contactgegeven hoort bij een ander lidmaatschap; wis dat eerst.',
    de: 'Dieser Kontakt gehört zu einer anderen Mitgliedschaft; löschen Sie diese zuerst.',
    en: 'This contact belongs to another membership; erase that one first.',
  },
};

export const notAMemberProblem: ProblemKind<404> = {
  slug: 'not-a-member',
  status: 404,
  title: { fr: 'Pas membre', nl: 'Geen lid', de: 'Kein Mitglied', en: 'Not a member' },
  detail: {
    fr: "Vous n'êtes pas membre de cette PLP.",
    nl: 'U bent geen lid van dit BIN.',
    de: 'Sie sind kein Mitglied dieser PLP.',
    en: 'You are not a member of this PLP.',
  },
};
