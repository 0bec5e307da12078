import * as z from '../../zod.ts';
import { defineMessage, plpName } from '../messages.ts';

/** When the police's feedback is due, as the reporter reads it: day, month, hour in Brussels. */
const due = (at: string, locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Brussels',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));

/**
 * The acknowledgement of a member's report: its reference and when the police will answer. Never the report's
 * text or place (the subject and SMS go through providers and mailboxes).
 */
export const reportReceivedMessage = /* @__PURE__ */ defineMessage({
  vars: () =>
    z.object({
      plpName,
      reference: z.string().check(z.regex(/^\d{5}-\d{4}-\d{6,}$/)),
      feedbackDueAt: z.string().check(
        z.maxLength(30),
        z.refine((s) => !Number.isNaN(Date.parse(s))),
      ),
    }),
  fr: {
    sms: (v, plp) => `Signalement ${v.reference} enregistré par ${plp}.`,
    email: (v, plp) => ({
      subject: `Signalement enregistré : ${v.reference}`,
      paragraphs: [
        [`Votre signalement à ${plp} est enregistré sous la référence ${v.reference}.`],
        [`La police vous répondra au plus tard le ${due(v.feedbackDueAt, 'fr-BE')}.`],
      ],
    }),
  },
  nl: {
    sms: (v, plp) => `Melding ${v.reference} ontvangen door ${plp}. De politie antwoordt u.`,
    email: (v, plp) => ({
      subject: `Melding ontvangen: ${v.reference}`,
      paragraphs: [
        [`Uw melding bij ${plp} is geregistreerd onder referentie ${v.reference}.`],
        [`De politie antwoordt u uiterlijk op ${due(v.feedbackDueAt, 'nl-BE')}.`],
      ],
    }),
  },
  de: {
    sms: (v, plp) => `Meldung ${v.reference} von ${plp} erhalten. Die Polizei antwortet.`,
    email: (v, plp) => ({
      subject: `Meldung erhalten: ${v.reference}`,
      paragraphs: [
        [`Ihre Meldung an ${plp} ist unter der Referenz ${v.reference} registriert.`],
        [`Die Polizei antwortet Ihnen spätestens am ${due(v.feedbackDueAt, 'de-BE')}.`],
      ],
    }),
  },
  en: {
    sms: (v, plp) => `Report ${v.reference} received by ${plp}. The police will answer.`,
    email: (v, plp) => ({
      subject: `Report received: ${v.reference}`,
      paragraphs: [
        [`Your report to ${plp} is registered under reference ${v.reference}.`],
        [`The police will answer you by ${due(v.feedbackDueAt, 'en-GB')}.`],
      ],
    }),
  },
});
