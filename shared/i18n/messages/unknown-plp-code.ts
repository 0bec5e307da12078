import * as z from '../../zod.ts';
import { defineMessage, httpUrl } from '../messages.ts';

/** `JOIN <code>` with a code no launched PLP has: what went wrong and where to find the right code. */
export const unknownPlpCodeMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ plpCode: z.string().check(z.maxLength(40)), findUrl: httpUrl }),
  fr: {
    sms: (v) => `PLP Alert : code ${v.plpCode} inconnu. Code de votre PLP : ${v.findUrl} ou votre commune.`,
    email: (v) => ({
      subject: 'PLP Alert : code inconnu',
      paragraphs: [
        [`Le code ${v.plpCode} ne correspond à aucune PLP.`],
        [`Trouvez le code de votre PLP sur ${v.findUrl} ou auprès de votre commune.`],
      ],
    }),
  },
  nl: {
    sms: (v) => `PLP Alert: code ${v.plpCode} onbekend. Code van uw BIN: ${v.findUrl} of uw gemeente.`,
    email: (v) => ({
      subject: 'PLP Alert: onbekende code',
      paragraphs: [
        [`De code ${v.plpCode} hoort bij geen enkel BIN.`],
        [`U vindt de code van uw BIN op ${v.findUrl} of bij uw gemeente.`],
      ],
    }),
  },
  de: {
    sms: (v) => `PLP Alert: Code ${v.plpCode} unbekannt. Code Ihrer PLP: ${v.findUrl} oder Ihre Gemeinde.`,
    email: (v) => ({
      subject: 'PLP Alert: unbekannter Code',
      paragraphs: [
        [`Der Code ${v.plpCode} gehört zu keiner PLP.`],
        [`Den Code Ihrer PLP finden Sie auf ${v.findUrl} oder bei Ihrer Gemeinde.`],
      ],
    }),
  },
  en: {
    sms: (v) => `PLP Alert: code ${v.plpCode} unknown. Your PLP's code: ${v.findUrl} or your commune.`,
    email: (v) => ({
      subject: 'PLP Alert: unknown code',
      paragraphs: [
        [`The code ${v.plpCode} belongs to no PLP.`],
        [`Find your PLP's code at ${v.findUrl} or at your commune.`],
      ],
    }),
  },
});
