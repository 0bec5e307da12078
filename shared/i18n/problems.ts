import type { Language } from './languages.ts';

/**
 * The problems the API answers (RFC 9457): each kind has a stable slug, its `type` being
 * `https://plp-alert.be/problems/<slug>`, an HTTP status, and its title and detail in the four languages; each
 * field error has a stable code and its message in the four languages. Front-ends react to the slug and the
 * codes, never to the prose. Texts take variables as `{name}`.
 *
 * Every kind is a constant of its own (the generic ones here, the others in shared/<context>/problems.ts), so
 * a bundle carries the texts of the problems its code can raise, no more: an API bundle has a 400 KB budget.
 * docs/api.md lists every kind (test/unit/http/problems.test.ts checks it).
 */

export type Texts = Readonly<Record<Language, string>>;
export type Vars = Readonly<Record<string, string | number>>;

/** A kind of problem: `type` is PROBLEM_BASE + slug. Kinds that share a slug share its status and title. */
export type ProblemKind<S extends number = number> = {
  readonly slug: string;
  readonly status: S;
  readonly title: Texts;
  readonly detail: Texts;
};
/** A kind of field error: its stable code and its message. */
export type FieldKind = { readonly code: string; readonly message: Texts };

export const PROBLEM_BASE = 'https://plp-alert.be/problems/';

/** The text with its `{name}` variables filled in (an unknown one stays as it is). */
export const fill = (text: string, vars?: Vars): string =>
  vars ? text.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all)) : text;

// ---- Problems any route can answer ------------------------------------------------------------------------

export const validationProblem: ProblemKind<400> = {
  slug: 'validation',
  status: 400,
  title: { fr: 'Demande non valide', nl: 'Ongeldige aanvraag', de: 'Ungültige Anfrage', en: 'Invalid request' },
  detail: {
    fr: 'Corrigez les champs indiqués.',
    nl: 'Verbeter de aangeduide velden.',
    de: 'Korrigieren Sie die markierten Felder.',
    en: 'Correct the fields marked.',
  },
};

export const invalidJsonProblem: ProblemKind<400> = {
  slug: 'invalid-json',
  status: 400,
  title: { fr: 'Contenu illisible', nl: 'Onleesbare inhoud', de: 'Unlesbarer Inhalt', en: 'Unreadable body' },
  detail: {
    fr: "Le contenu n'est pas du JSON valide.",
    nl: 'De inhoud is geen geldige JSON.',
    de: 'Der Inhalt ist kein gültiges JSON.',
    en: 'The body is not valid JSON.',
  },
};

export const bodyRequiredProblem: ProblemKind<400> = {
  slug: 'body-required',
  status: 400,
  title: { fr: 'Contenu manquant', nl: 'Inhoud ontbreekt', de: 'Inhalt fehlt', en: 'Body missing' },
  detail: {
    fr: 'Un contenu JSON est requis.',
    nl: 'Een JSON-inhoud is vereist.',
    de: 'Ein JSON-Inhalt ist erforderlich.',
    en: 'A JSON body is required.',
  },
};

export const unsupportedMediaTypeProblem: ProblemKind<400> = {
  slug: 'unsupported-media-type',
  status: 400,
  title: {
    fr: 'Type de contenu refusé',
    nl: 'Inhoudstype geweigerd',
    de: 'Inhaltstyp abgelehnt',
    en: 'Media type refused',
  },
  detail: {
    fr: 'Envoyez le contenu en application/json.',
    nl: 'Stuur de inhoud als application/json.',
    de: 'Senden Sie den Inhalt als application/json.',
    en: 'Send the body as application/json.',
  },
};

export const payloadTooLargeProblem: ProblemKind<413> = {
  slug: 'payload-too-large',
  status: 413,
  title: { fr: 'Contenu trop volumineux', nl: 'Inhoud te groot', de: 'Inhalt zu groß', en: 'Body too large' },
  detail: {
    fr: 'Le contenu dépasse {limit} octets.',
    nl: 'De inhoud is groter dan {limit} bytes.',
    de: 'Der Inhalt überschreitet {limit} Bytes.',
    en: 'The body exceeds {limit} bytes.',
  },
};

export const unauthorizedProblem: ProblemKind<401> = {
  slug: 'unauthorized',
  status: 401,
  title: { fr: 'Connexion requise', nl: 'Aanmelding vereist', de: 'Anmeldung erforderlich', en: 'Sign-in required' },
  detail: {
    fr: 'Un jeton valide est requis.',
    nl: 'Een geldig token is vereist.',
    de: 'Ein gültiges Token ist nötig.',
    en: 'A valid token is required.',
  },
};

/** A member route without a member token, or with one that is not (any more) valid. */
export const memberLinkInvalidProblem: ProblemKind<401> = {
  slug: 'member-link-invalid',
  status: 401,
  title: { fr: 'Lien non valide', nl: 'Ongeldige link', de: 'Ungültiger Link', en: 'Link not valid' },
  detail: {
    fr: "Ce lien n'est plus valide ; demandez-en un nouveau.",
    nl: 'Deze link is niet meer geldig; vraag een nieuwe aan.',
    de: 'Dieser Link ist nicht mehr gültig; fordern Sie einen neuen an.',
    en: 'This link is no longer valid; ask for a new one.',
  },
};

const FORBIDDEN_TITLE: Texts = { fr: 'Non autorisé', nl: 'Niet toegestaan', de: 'Nicht erlaubt', en: 'Not allowed' };

export const forbiddenProblem: ProblemKind<403> = {
  slug: 'forbidden',
  status: 403,
  title: FORBIDDEN_TITLE,
  detail: {
    fr: "Vous n'êtes pas autorisé à faire ceci.",
    nl: 'U mag dit niet doen.',
    de: 'Sie dürfen dies nicht tun.',
    en: 'You may not do this.',
  },
};

/** vars: roles. */
export const roleRequiredProblem: ProblemKind<403> = {
  slug: 'forbidden',
  status: 403,
  title: FORBIDDEN_TITLE,
  detail: {
    fr: "Cette action requiert l'un des rôles : {roles}.",
    nl: 'Deze actie vereist een van de rollen: {roles}.',
    de: 'Diese Aktion erfordert eine der Rollen: {roles}.',
    en: 'This action needs one of the roles: {roles}.',
  },
};

/** vars: roles. */
export const mfaRequiredProblem: ProblemKind<403> = {
  slug: 'mfa-required',
  status: 403,
  title: {
    fr: 'Second facteur requis',
    nl: 'Tweede factor vereist',
    de: 'Zweiter Faktor erforderlich',
    en: 'Second factor required',
  },
  detail: {
    fr: 'Les rôles {roles} exigent une connexion avec un second facteur (TOTP).',
    nl: 'De rollen {roles} vereisen aanmelden met een tweede factor (TOTP).',
    de: 'Die Rollen {roles} erfordern eine Anmeldung mit zweitem Faktor (TOTP).',
    en: 'The roles {roles} need a sign-in with a second factor (TOTP).',
  },
};

/** Unknown, or outside the caller's scope (never told apart). */
export const notFoundProblem: ProblemKind<404> = {
  slug: 'not-found',
  status: 404,
  title: { fr: 'Introuvable', nl: 'Niet gevonden', de: 'Nicht gefunden', en: 'Not found' },
  detail: {
    fr: "Ceci n'existe pas ou ne relève pas de vous.",
    nl: 'Dit bestaat niet of valt buiten uw bevoegdheid.',
    de: 'Dies existiert nicht oder ist nicht Ihres.',
    en: 'This does not exist or is not yours.',
  },
};

/** The state changed meanwhile (a concurrent change won), or does not allow the request. */
export const conflictProblem: ProblemKind<409> = {
  slug: 'conflict',
  status: 409,
  title: { fr: 'Conflit', nl: 'Conflict', de: 'Konflikt', en: 'Conflict' },
  detail: {
    fr: 'Ceci a changé entre-temps ; relisez-le.',
    nl: 'Dit is intussen gewijzigd; lees het opnieuw.',
    de: 'Dies wurde inzwischen geändert; lesen Sie es neu.',
    en: 'This changed meanwhile; read it again.',
  },
};

export const rateLimitedProblem: ProblemKind<429> = {
  slug: 'rate-limited',
  status: 429,
  title: { fr: 'Trop de demandes', nl: 'Te veel aanvragen', de: 'Zu viele Anfragen', en: 'Too many requests' },
  detail: {
    fr: 'Trop de demandes ; réessayez plus tard.',
    nl: 'Te veel aanvragen; probeer later opnieuw.',
    de: 'Zu viele Anfragen; versuchen Sie es später.',
    en: 'Too many requests; try again later.',
  },
};

export const unavailableProblem: ProblemKind<503> = {
  slug: 'unavailable',
  status: 503,
  title: {
    fr: 'Temporairement indisponible',
    nl: 'Tijdelijk niet beschikbaar',
    de: 'Vorübergehend nicht verfügbar',
    en: 'Temporarily unavailable',
  },
  detail: {
    fr: 'Un service est indisponible ; réessayez dans un instant.',
    nl: 'Een dienst is niet beschikbaar; probeer zo meteen opnieuw.',
    de: 'Ein Dienst ist nicht verfügbar; versuchen Sie es gleich erneut.',
    en: 'A service is unavailable; try again in a moment.',
  },
};

export const internalErrorProblem: ProblemKind<500> = {
  slug: 'internal-error',
  status: 500,
  title: { fr: 'Erreur interne', nl: 'Interne fout', de: 'Interner Fehler', en: 'Internal error' },
  detail: {
    fr: 'Erreur de notre côté ; réessayez plus tard.',
    nl: 'Fout aan onze kant; probeer later opnieuw.',
    de: 'Fehler bei uns; versuchen Sie es später erneut.',
    en: 'Something went wrong on our side; try again later.',
  },
};

const INVALID_PAGE_TOKEN_TEXT: Texts = {
  fr: 'Ce jeton de page ne vient pas de cette liste ; reprenez la liste depuis le début.',
  nl: 'Dit paginatoken komt niet van deze lijst; begin de lijst opnieuw.',
  de: 'Dieses Seitentoken stammt nicht aus dieser Liste; beginnen Sie die Liste von vorn.',
  en: 'This page token is not from this list; start the list again.',
};
/** A `nextToken` (or cursor) that this list did not give. */
export const invalidPageTokenProblem: ProblemKind<400> = {
  slug: 'invalid-page-token',
  status: 400,
  title: {
    fr: 'Jeton de page non valide',
    nl: 'Ongeldig paginatoken',
    de: 'Ungültiges Seitentoken',
    en: 'Invalid page token',
  },
  detail: INVALID_PAGE_TOKEN_TEXT,
};
export const invalidPageTokenField: FieldKind = { code: 'invalid_page_token', message: INVALID_PAGE_TOKEN_TEXT };

// The local runtime's own answers (its router, before any handler).

export const headerTooLargeProblem: ProblemKind<431> = {
  slug: 'header-too-large',
  status: 431,
  title: { fr: 'En-têtes trop volumineux', nl: 'Headers te groot', de: 'Header zu groß', en: 'Headers too large' },
  detail: {
    fr: 'Les en-têtes de la requête sont trop volumineux.',
    nl: 'De headers van het verzoek zijn te groot.',
    de: 'Die Header der Anfrage sind zu groß.',
    en: 'The request headers are too large.',
  },
};

export const unreadableRequestProblem: ProblemKind<400> = {
  slug: 'unreadable-request',
  status: 400,
  title: { fr: 'Requête illisible', nl: 'Onleesbaar verzoek', de: 'Unlesbare Anfrage', en: 'Unreadable request' },
  detail: {
    fr: "La requête n'a pas pu être lue.",
    nl: 'Het verzoek kon niet gelezen worden.',
    de: 'Die Anfrage konnte nicht gelesen werden.',
    en: 'The request could not be read.',
  },
};

export const invalidPathProblem: ProblemKind<400> = {
  slug: 'invalid-path',
  status: 400,
  title: { fr: 'Chemin non valide', nl: 'Ongeldig pad', de: 'Ungültiger Pfad', en: 'Invalid path' },
  detail: {
    fr: 'Le chemin contient un échappement % mal formé.',
    nl: 'Het pad bevat een ongeldige %-escape.',
    de: 'Der Pfad enthält ein fehlerhaftes %-Escape.',
    en: 'The path has a malformed % escape.',
  },
};

// ---- Field errors of any body or query (from the schemas; see zodProblems) --------------------------------

export const requiredField: FieldKind = {
  code: 'required',
  message: {
    fr: 'Obligatoire.',
    nl: 'Verplicht.',
    de: 'Erforderlich.',
    en: 'Required.',
  },
};
export const invalidTypeField: FieldKind = {
  code: 'invalid_type',
  message: {
    fr: 'Type de valeur erroné.',
    nl: 'Verkeerd type waarde.',
    de: 'Falscher Werttyp.',
    en: 'Wrong type of value.',
  },
};
/** vars: minimum. */
export const tooShortField: FieldKind = {
  code: 'too_short',
  message: {
    fr: 'Au moins {minimum} caractères.',
    nl: 'Minstens {minimum} tekens.',
    de: 'Mindestens {minimum} Zeichen.',
    en: 'At least {minimum} characters.',
  },
};
/** vars: maximum. */
export const tooLongField: FieldKind = {
  code: 'too_long',
  message: {
    fr: 'Au plus {maximum} caractères.',
    nl: 'Hoogstens {maximum} tekens.',
    de: 'Höchstens {maximum} Zeichen.',
    en: 'At most {maximum} characters.',
  },
};
/** vars: minimum. */
export const tooFewField: FieldKind = {
  code: 'too_few',
  message: {
    fr: 'Choisissez-en au moins {minimum}.',
    nl: 'Kies er minstens {minimum}.',
    de: 'Wählen Sie mindestens {minimum}.',
    en: 'Choose at least {minimum}.',
  },
};
/** vars: maximum. */
export const tooManyField: FieldKind = {
  code: 'too_many',
  message: {
    fr: 'Au plus {maximum} éléments.',
    nl: 'Hoogstens {maximum} elementen.',
    de: 'Höchstens {maximum} Einträge.',
    en: 'At most {maximum} items.',
  },
};
/** vars: minimum. */
export const tooSmallField: FieldKind = {
  code: 'too_small',
  message: {
    fr: 'Au moins {minimum}.',
    nl: 'Minstens {minimum}.',
    de: 'Mindestens {minimum}.',
    en: 'At least {minimum}.',
  },
};
/** vars: maximum. */
export const tooBigField: FieldKind = {
  code: 'too_big',
  message: {
    fr: 'Au plus {maximum}.',
    nl: 'Hoogstens {maximum}.',
    de: 'Höchstens {maximum}.',
    en: 'At most {maximum}.',
  },
};
export const invalidFormatField: FieldKind = {
  code: 'invalid_format',
  message: {
    fr: 'Format non valide.',
    nl: 'Ongeldig formaat.',
    de: 'Ungültiges Format.',
    en: 'Invalid format.',
  },
};
export const invalidEmailField: FieldKind = {
  code: 'invalid_email',
  message: {
    fr: 'Adresse e-mail non valide.',
    nl: 'Ongeldig e-mailadres.',
    de: 'Ungültige E-Mail-Adresse.',
    en: 'Invalid e-mail address.',
  },
};
/** vars: values (the accepted ones, comma-separated). */
export const invalidValueField: FieldKind = {
  code: 'invalid_value',
  message: {
    fr: 'Choisissez parmi : {values}.',
    nl: 'Kies uit: {values}.',
    de: 'Wählen Sie aus: {values}.',
    en: 'Choose one of: {values}.',
  },
};
export const unknownField: FieldKind = {
  code: 'unknown_field',
  message: {
    fr: 'Champ inattendu.',
    nl: 'Onverwacht veld.',
    de: 'Unerwartetes Feld.',
    en: 'Unexpected field.',
  },
};
export const invalidField: FieldKind = {
  code: 'invalid',
  message: {
    fr: 'Valeur non valide.',
    nl: 'Ongeldige waarde.',
    de: 'Ungültiger Wert.',
    en: 'Invalid value.',
  },
};
