import * as z from '../../zod.ts';
import { defineMessage, httpUrl, plpName } from '../messages.ts';

/** The confirmation that the member left a PLP. */
export const leftMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ plpName, manageUrl: z.optional(httpUrl) }),
  fr: {
    sms: (_v, plp) => `Vous avez quitté ${plp}. Vous ne recevrez plus ses messages.`,
    email: (_v, plp) => ({
      subject: `Vous avez quitté ${plp}`,
      paragraphs: [[`Vous avez quitté ${plp}. Vous ne recevrez plus ses messages.`]],
    }),
  },
  nl: {
    sms: (_v, plp) => `U hebt ${plp} verlaten. U ontvangt er geen berichten meer van.`,
    email: (_v, plp) => ({
      subject: `U hebt ${plp} verlaten`,
      paragraphs: [[`U hebt ${plp} verlaten. U ontvangt geen berichten meer.`]],
    }),
  },
  de: {
    sms: (_v, plp) => `Sie haben ${plp} verlassen. Sie erhalten keine Nachrichten mehr von ihr.`,
    email: (_v, plp) => ({
      subject: `Sie haben ${plp} verlassen`,
      paragraphs: [[`Sie haben ${plp} verlassen. Sie erhalten keine Nachrichten mehr.`]],
    }),
  },
  en: {
    sms: (_v, plp) => `You left ${plp}. You will no longer receive its messages.`,
    email: (_v, plp) => ({
      subject: `You left ${plp}`,
      paragraphs: [[`You left ${plp}. You will no longer receive its messages.`]],
    }),
  },
});
