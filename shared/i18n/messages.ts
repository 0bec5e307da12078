import * as z from '../zod.ts';
import { toGsm7Friendly } from '../messaging/gsm7.ts';
import type { Language } from './languages.ts';

/**
 * The platform's own messages to members (not the police's alerts): confirmation code, welcome, personal
 * link, leave and SMS-stop confirmations, refused enrolment and SMS help, in the four member languages. Every message ends with the reminder that
 * members never intervene themselves, with the emergency numbers (DESIGN.md §2).
 */

const httpUrl = z.url({ protocol: /^https?$/ });
const plpName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/** The variables of each kind, checked before anything is rendered. */
export const MessageVars = {
  /** formUrl: the form where the resident still gives name and address (enrolment started by SMS). */
  code: z.object({
    plpName,
    code: z.string().check(z.regex(/^\d{6}$/)),
    formUrl: z.optional(httpUrl),
    manageUrl: z.optional(httpUrl),
  }),
  welcome: z.object({ plpName, memberUrl: httpUrl, manageUrl: z.optional(httpUrl) }),
  /** The personal member link, sent again. */
  link: z.object({ memberUrl: httpUrl, manageUrl: z.optional(httpUrl) }),
  left: z.object({ plpName, manageUrl: z.optional(httpUrl) }),
  /** After the SMS keyword STOP, for a member who keeps other channels. */
  smsStopped: z.object({ manageUrl: z.optional(httpUrl) }),
  /** The coordinator did not accept the enrolment: no membership, hence no manage link. */
  rejected: z.object({ plpName }),
  help: z.object({ manageUrl: z.optional(httpUrl) }),
};
export type MessageKind = keyof typeof MessageVars;
export const MESSAGE_KINDS = Object.keys(MessageVars) as MessageKind[];
export type MessageVars<K extends MessageKind> = z.input<(typeof MessageVars)[K]>;

/** The closing reminder, short enough for an SMS. */
export const SAFETY_REMINDER: Record<Language, string> = {
  fr: "N'intervenez jamais vous-même. Urgence : 101 / 112.",
  nl: 'Grijp nooit zelf in. Nood: 101 / 112.',
  de: 'Greifen Sie nie selbst ein. Notruf: 101 / 112.',
  en: 'Never intervene yourself. Emergency: 101 / 112.',
};

/** The SMS keywords of each language (API.md, inbound SMS). */
export const SMS_KEYWORDS: Record<Language, { join: string; stop: string; help: string }> = {
  fr: { join: 'INSCRIRE', stop: 'ARRET', help: 'AIDE' },
  nl: { join: 'AANMELDEN', stop: 'STOP', help: 'HULP' },
  de: { join: 'ANMELDEN', stop: 'STOPP', help: 'HILFE' },
  en: { join: 'JOIN', stop: 'STOP', help: 'HELP' },
};

/** "PLP Ixelles Centre": the name with the partnership's usual abbreviation (BIN in Dutch) unless it has one. */
function plpLabel(name: string, language: Language): string {
  const trimmed = name.trim();
  if (/^(PLP|BIN)\b/i.test(trimmed)) return trimmed;
  return `${language === 'nl' ? 'BIN' : 'PLP'} ${trimmed}`;
}

type Link = { href: string; label: string };
type Inline = string | Link;
/** An email: subject and paragraphs (the safety reminder and the manage link are added after). */
type EmailDraft = { subject: string; paragraphs: Inline[][] };
type Template<K extends MessageKind> = {
  sms: (v: z.output<(typeof MessageVars)[K]>, plp: string) => string;
  email: (v: z.output<(typeof MessageVars)[K]>, plp: string) => EmailDraft;
};
type Templates = { [K in MessageKind]: Template<K> };

const HELLO: Record<Language, string> = { fr: 'Bonjour,', nl: 'Beste,', de: 'Guten Tag,', en: 'Hello,' };

const MANAGE: Record<Language, string> = {
  fr: 'Gérer mon inscription ou quitter la PLP',
  nl: 'Mijn inschrijving beheren of de BIN verlaten',
  de: 'Meine Anmeldung verwalten oder die PLP verlassen',
  en: 'Manage my membership or leave the PLP',
};

const TEMPLATES: Record<Language, Templates> = {
  fr: {
    code: {
      sms: (v, plp) =>
        `${plp} : code de confirmation ${v.code}, valable 15 minutes.` +
        (v.formUrl ? ` Complétez votre inscription : ${v.formUrl}` : ''),
      email: (v, plp) => ({
        subject: `Votre code de confirmation : ${v.code}`,
        paragraphs: [
          [`Votre code de confirmation pour ${plp} est ${v.code}.`],
          ...(v.formUrl ? [['Complétez votre inscription : ', { href: v.formUrl, label: v.formUrl }]] : []),
          ["Ce code est valable 15 minutes. Si vous n'avez rien demandé, ignorez ce message."],
        ],
      }),
    },
    welcome: {
      sms: (v, plp) => `Bienvenue dans ${plp} ! Votre lien personnel : ${v.memberUrl}`,
      email: (v, plp) => ({
        subject: `Bienvenue dans ${plp}`,
        paragraphs: [
          [`Votre inscription à ${plp} est confirmée. Bienvenue !`],
          ['Votre page personnelle (ne partagez pas ce lien) : ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    link: {
      sms: (v) => `Votre lien personnel PLP Alert (ne le partagez pas) : ${v.memberUrl}`,
      email: (v) => ({
        subject: 'Votre lien personnel',
        paragraphs: [
          ['Voici votre lien personnel PLP Alert.'],
          ['Votre page personnelle (ne partagez pas ce lien) : ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    left: {
      sms: (_v, plp) => `Vous avez quitté ${plp}. Vous ne recevrez plus ses messages.`,
      email: (_v, plp) => ({
        subject: `Vous avez quitté ${plp}`,
        paragraphs: [[`Vous avez quitté ${plp}. Vous ne recevrez plus ses messages.`]],
      }),
    },
    smsStopped: {
      sms: () => 'Vous ne recevrez plus de SMS de PLP Alert. Vous recevez toujours les e-mails.',
      email: () => ({
        subject: 'PLP Alert : SMS arrêtés',
        paragraphs: [['Vous ne recevrez plus de SMS de PLP Alert. Vous recevez toujours nos messages par e-mail.']],
      }),
    },
    rejected: {
      sms: (_v, plp) => `${plp} : inscription non acceptée. Infos : coordinateur ou commune.`,
      email: (_v, plp) => ({
        subject: `Inscription à ${plp} non acceptée`,
        paragraphs: [
          [`Votre inscription à ${plp} n'a pas été acceptée.`],
          ["Pour plus d'informations, contactez votre coordinateur ou votre commune."],
        ],
      }),
    },
    help: {
      sms: () =>
        'PLP Alert : INSCRIRE <code> pour rejoindre une PLP, ARRET pour arrêter les SMS, AIDE pour cette aide.',
      email: () => ({
        subject: 'PLP Alert : aide',
        paragraphs: [
          ['Par SMS, envoyez :'],
          ['INSCRIRE <code> pour rejoindre une PLP ; ARRET pour ne plus recevoir de SMS ; AIDE pour cette aide.'],
        ],
      }),
    },
  },
  nl: {
    code: {
      sms: (v, plp) =>
        `${plp}: uw bevestigingscode is ${v.code} (15 minuten geldig).` +
        (v.formUrl ? ` Vervolledig uw inschrijving: ${v.formUrl}` : ''),
      email: (v, plp) => ({
        subject: `Uw bevestigingscode: ${v.code}`,
        paragraphs: [
          [`Uw bevestigingscode voor ${plp} is ${v.code}.`],
          ...(v.formUrl ? [['Vervolledig uw inschrijving: ', { href: v.formUrl, label: v.formUrl }]] : []),
          ['Deze code is 15 minuten geldig. Hebt u niets aangevraagd, negeer dan dit bericht.'],
        ],
      }),
    },
    welcome: {
      sms: (v, plp) => `Welkom bij ${plp}! Uw persoonlijke link: ${v.memberUrl}`,
      email: (v, plp) => ({
        subject: `Welkom bij ${plp}`,
        paragraphs: [
          [`Uw inschrijving bij ${plp} is bevestigd. Welkom!`],
          ['Uw persoonlijke pagina (deel deze link niet): ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    link: {
      sms: (v) => `Uw persoonlijke link voor PLP Alert (deel hem niet): ${v.memberUrl}`,
      email: (v) => ({
        subject: 'Uw persoonlijke link',
        paragraphs: [
          ['Hier is uw persoonlijke link voor PLP Alert.'],
          ['Uw persoonlijke pagina (deel deze link niet): ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    left: {
      sms: (_v, plp) => `U hebt ${plp} verlaten. U ontvangt er geen berichten meer van.`,
      email: (_v, plp) => ({
        subject: `U hebt ${plp} verlaten`,
        paragraphs: [[`U hebt ${plp} verlaten. U ontvangt geen berichten meer.`]],
      }),
    },
    smsStopped: {
      sms: () => 'U ontvangt geen sms meer van PLP Alert. E-mails ontvangt u wel nog.',
      email: () => ({
        subject: 'PLP Alert: geen sms meer',
        paragraphs: [['U ontvangt geen sms meer van PLP Alert. Onze berichten per e-mail ontvangt u wel nog.']],
      }),
    },
    rejected: {
      sms: (_v, plp) => `${plp}: inschrijving niet aanvaard. Meer info bij uw coördinator of gemeente.`,
      email: (_v, plp) => ({
        subject: `Inschrijving bij ${plp} niet aanvaard`,
        paragraphs: [
          [`Uw inschrijving bij ${plp} werd niet aanvaard.`],
          ['Neem voor meer informatie contact op met uw coördinator of uw gemeente.'],
        ],
      }),
    },
    help: {
      sms: () => 'PLP Alert: AANMELDEN <code> om u aan te melden, STOP voor geen sms meer, HULP voor deze hulp.',
      email: () => ({
        subject: 'PLP Alert: hulp',
        paragraphs: [
          ['Stuur per sms:'],
          ['AANMELDEN <code> om u aan te melden; STOP voor geen sms meer; HULP voor deze hulp.'],
        ],
      }),
    },
  },
  de: {
    code: {
      sms: (v, plp) =>
        `${plp}: Ihr Bestätigungscode ist ${v.code} (15 Minuten gültig).` +
        (v.formUrl ? ` Anmeldung abschließen: ${v.formUrl}` : ''),
      email: (v, plp) => ({
        subject: `Ihr Bestätigungscode: ${v.code}`,
        paragraphs: [
          [`Ihr Bestätigungscode für ${plp} ist ${v.code}.`],
          ...(v.formUrl ? [['Schließen Sie Ihre Anmeldung ab: ', { href: v.formUrl, label: v.formUrl }]] : []),
          ['Dieser Code ist 15 Minuten gültig. Wenn Sie nichts angefordert haben, ignorieren Sie diese Nachricht.'],
        ],
      }),
    },
    welcome: {
      sms: (v, plp) => `Willkommen bei ${plp}! Ihr persönlicher Link: ${v.memberUrl}`,
      email: (v, plp) => ({
        subject: `Willkommen bei ${plp}`,
        paragraphs: [
          [`Ihre Anmeldung bei ${plp} ist bestätigt. Willkommen!`],
          ['Ihre persönliche Seite (teilen Sie diesen Link nicht): ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    link: {
      sms: (v) => `Ihr persönlicher Link für PLP Alert (nicht weitergeben): ${v.memberUrl}`,
      email: (v) => ({
        subject: 'Ihr persönlicher Link',
        paragraphs: [
          ['Hier ist Ihr persönlicher Link für PLP Alert.'],
          ['Ihre persönliche Seite (teilen Sie diesen Link nicht): ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    left: {
      sms: (_v, plp) => `Sie haben ${plp} verlassen. Sie erhalten keine Nachrichten mehr von ihr.`,
      email: (_v, plp) => ({
        subject: `Sie haben ${plp} verlassen`,
        paragraphs: [[`Sie haben ${plp} verlassen. Sie erhalten keine Nachrichten mehr.`]],
      }),
    },
    smsStopped: {
      sms: () => 'Sie erhalten keine SMS mehr von PLP Alert. E-Mails erhalten Sie weiterhin.',
      email: () => ({
        subject: 'PLP Alert: keine SMS mehr',
        paragraphs: [
          ['Sie erhalten keine SMS mehr von PLP Alert. Unsere Nachrichten per E-Mail erhalten Sie weiterhin.'],
        ],
      }),
    },
    rejected: {
      sms: (_v, plp) => `${plp}: Anmeldung nicht angenommen. Infos: Koordinator oder Gemeinde.`,
      email: (_v, plp) => ({
        subject: `Anmeldung bei ${plp} nicht angenommen`,
        paragraphs: [
          [`Ihre Anmeldung bei ${plp} wurde nicht angenommen.`],
          ['Für weitere Informationen wenden Sie sich an Ihren Koordinator oder Ihre Gemeinde.'],
        ],
      }),
    },
    help: {
      sms: () => 'PLP Alert: ANMELDEN <Code> zum Anmelden, STOPP für keine SMS mehr, HILFE für diese Hilfe.',
      email: () => ({
        subject: 'PLP Alert: Hilfe',
        paragraphs: [
          ['Senden Sie per SMS:'],
          ['ANMELDEN <Code> zum Anmelden; STOPP für keine SMS mehr; HILFE für diese Hilfe.'],
        ],
      }),
    },
  },
  en: {
    code: {
      sms: (v, plp) =>
        `${plp}: your confirmation code is ${v.code} (valid 15 minutes).` +
        (v.formUrl ? ` Complete your enrolment: ${v.formUrl}` : ''),
      email: (v, plp) => ({
        subject: `Your confirmation code: ${v.code}`,
        paragraphs: [
          [`Your confirmation code for ${plp} is ${v.code}.`],
          ...(v.formUrl ? [['Complete your enrolment: ', { href: v.formUrl, label: v.formUrl }]] : []),
          ['This code is valid for 15 minutes. If you did not ask for it, ignore this message.'],
        ],
      }),
    },
    welcome: {
      sms: (v, plp) => `Welcome to ${plp}! Your personal link: ${v.memberUrl}`,
      email: (v, plp) => ({
        subject: `Welcome to ${plp}`,
        paragraphs: [
          [`Your membership of ${plp} is confirmed. Welcome!`],
          ['Your personal page (do not share this link): ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    link: {
      sms: (v) => `Your personal PLP Alert link (do not share it): ${v.memberUrl}`,
      email: (v) => ({
        subject: 'Your personal link',
        paragraphs: [
          ['Here is your personal PLP Alert link.'],
          ['Your personal page (do not share this link): ', { href: v.memberUrl, label: v.memberUrl }],
        ],
      }),
    },
    left: {
      sms: (_v, plp) => `You left ${plp}. You will no longer receive its messages.`,
      email: (_v, plp) => ({
        subject: `You left ${plp}`,
        paragraphs: [[`You left ${plp}. You will no longer receive its messages.`]],
      }),
    },
    smsStopped: {
      sms: () => 'You will no longer receive SMS from PLP Alert. You still receive e-mails.',
      email: () => ({
        subject: 'PLP Alert: SMS stopped',
        paragraphs: [['You will no longer receive SMS from PLP Alert. You still receive our messages by e-mail.']],
      }),
    },
    rejected: {
      sms: (_v, plp) => `${plp}: enrolment not accepted. More info: your coordinator or commune.`,
      email: (_v, plp) => ({
        subject: `Enrolment in ${plp} not accepted`,
        paragraphs: [
          [`Your enrolment in ${plp} was not accepted.`],
          ['For more information, contact your coordinator or your commune.'],
        ],
      }),
    },
    help: {
      sms: () => 'PLP Alert: JOIN <code> to join a PLP, STOP to stop SMS, HELP for this help.',
      email: () => ({
        subject: 'PLP Alert: help',
        paragraphs: [['Send by SMS:'], ['JOIN <code> to join a PLP; STOP to stop SMS; HELP for this help.']],
      }),
    },
  },
};

function render<K extends MessageKind>(kind: K, language: Language, vars: MessageVars<K>) {
  const parsed = z.parse(MessageVars[kind], vars) as z.output<(typeof MessageVars)[K]>;
  const template = TEMPLATES[language][kind] as Template<K>;
  const plp = 'plpName' in parsed ? plpLabel(parsed.plpName as string, language) : '';
  return { parsed, template, plp };
}

/** The SMS text: short, GSM-7 where possible, ending with the safety reminder. */
export function smsText<K extends MessageKind>(kind: K, language: Language, vars: MessageVars<K>): string {
  const { parsed, template, plp } = render(kind, language, vars);
  return toGsm7Friendly(`${template.sms(parsed, plp)} ${SAFETY_REMINDER[language]}`);
}

export type EmailContent = { subject: string; html: string; text: string };

/** The email: subject, a small HTML document (every variable escaped) and the plain-text part. */
export function emailContent<K extends MessageKind>(kind: K, language: Language, vars: MessageVars<K>): EmailContent {
  const { parsed, template, plp } = render(kind, language, vars);
  const draft = template.email(parsed, plp);
  const paragraphs: Inline[][] = [[HELLO[language]], ...draft.paragraphs];
  const { manageUrl } = parsed as { manageUrl?: string };
  if (manageUrl) paragraphs.push([{ href: manageUrl, label: MANAGE[language] }]);
  paragraphs.push([SAFETY_REMINDER[language]]);

  const text = paragraphs
    .map((p) =>
      p.map((i) => (typeof i === 'string' ? i : i.label === i.href ? i.href : `${i.label}: ${i.href}`)).join(''),
    )
    .join('\n\n');
  const body = paragraphs
    .map(
      (p) =>
        `<p>${p.map((i) => (typeof i === 'string' ? escapeHtml(i) : `<a href="${escapeHtml(i.href)}">${escapeHtml(i.label)}</a>`)).join('')}</p>`,
    )
    .join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(draft.subject)}</title></head>`,
    `<body>\n${body}\n</body>`,
    '</html>',
  ].join('\n');
  return { subject: draft.subject, html, text };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
