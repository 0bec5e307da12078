import * as z from '../zod.ts';
import { toGsm7Friendly } from '../messaging/gsm7.ts';
import type { Language } from './languages.ts';

/**
 * The platform's own messages to members (not the police's alerts), rendered for SMS and e-mail. Each kind is a
 * module of shared/i18n/messages/ (confirmation code, welcome, personal link, leave and SMS-stop confirmations,
 * refused enrolment, SMS help) with its variables and its texts in the four member languages: a function imports
 * the kinds it sends, and bundles only those. Every message ends with the reminder that members never intervene
 * themselves, with the emergency numbers (DESIGN.md §2).
 */

/** The variables most kinds take. */
export const httpUrl = z.url({ protocol: /^https?$/ });
export const plpName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

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
/** The texts of one kind in one language, from the checked variables and the PLP's label ('' without plpName). */
type Template<V> = { sms: (v: V, plp: string) => string; email: (v: V, plp: string) => EmailDraft };

type VarsSchema = z.ZodMiniObject;
type Texts<S extends VarsSchema> = Record<Language, Template<z.output<S>>>;
/** One kind of message: the schema of its variables, checked before anything is rendered, and its texts. */
export type Message<S extends VarsSchema = VarsSchema> = { vars: S } & Texts<S>;
/** The variables a message takes (before the schema's trimming). */
export type MessageVars<M extends Message<any>> = z.input<M['vars']>;

/**
 * A kind of message, in a module of its own (shared/i18n/messages/): the call carries esbuild's `@__PURE__`
 * mark and the schema is given as a function, so the definition has no side effects and esbuild drops it from
 * a bundle that imports it without sending it (use-cases.ts imports the kinds of all its use cases, a handler
 * runs one). The unit tests check each module.
 */
export function defineMessage<S extends VarsSchema>({ vars, ...texts }: { vars: () => S } & Texts<S>): Message<S> {
  return { vars: vars(), ...texts };
}

const HELLO: Record<Language, string> = { fr: 'Bonjour,', nl: 'Beste,', de: 'Guten Tag,', en: 'Hello,' };

const MANAGE: Record<Language, string> = {
  fr: 'Gérer mon inscription ou quitter la PLP',
  nl: 'Mijn inschrijving beheren of de BIN verlaten',
  de: 'Meine Anmeldung verwalten oder die PLP verlassen',
  en: 'Manage my membership or leave the PLP',
};

function render<M extends Message<any>>(message: M, language: Language, vars: MessageVars<M>) {
  const parsed: Record<string, unknown> = z.parse(message.vars, vars);
  const template: Template<Record<string, unknown>> = message[language];
  const plp = 'plpName' in parsed ? plpLabel(parsed.plpName as string, language) : '';
  return { parsed, template, plp };
}

/** The SMS text: short, GSM-7 where possible, ending with the safety reminder. */
export function smsText<M extends Message<any>>(message: M, language: Language, vars: MessageVars<M>): string {
  const { parsed, template, plp } = render(message, language, vars);
  return toGsm7Friendly(`${template.sms(parsed, plp)} ${SAFETY_REMINDER[language]}`);
}

export type EmailContent = { subject: string; html: string; text: string };

/** The email: subject, a small HTML document (every variable escaped) and the plain-text part. */
export function emailContent<M extends Message<any>>(
  message: M,
  language: Language,
  vars: MessageVars<M>,
): EmailContent {
  const { parsed, template, plp } = render(message, language, vars);
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
