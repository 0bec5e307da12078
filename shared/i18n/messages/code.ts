import * as z from '../../zod.ts';
import { defineMessage, httpUrl, plpName } from '../messages.ts';

/**
 * The confirmation code of an enrolment or of a new contact. formUrl: the form where the resident still gives
 * name and address (enrolment started by SMS).
 */
export const codeMessage = /* @__PURE__ */ defineMessage({
  vars: () =>
    z.object({
      plpName,
      code: z.string().check(z.regex(/^\d{6}$/)),
      formUrl: z.optional(httpUrl),
      manageUrl: z.optional(httpUrl),
    }),
  fr: {
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
  nl: {
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
  de: {
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
  en: {
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
});
