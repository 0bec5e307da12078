import * as z from '../../zod.ts';
import { defineMessage, httpUrl, plpName } from '../messages.ts';

/** The welcome of a new member, with their personal member link. */
export const welcomeMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ plpName, memberUrl: httpUrl, manageUrl: z.optional(httpUrl) }),
  fr: {
    sms: (v, plp) => `Bienvenue dans ${plp} ! Votre lien personnel : ${v.memberUrl}`,
    email: (v, plp) => ({
      subject: `Bienvenue dans ${plp}`,
      paragraphs: [
        [`Votre inscription à ${plp} est confirmée. Bienvenue !`],
        ['Votre page personnelle (ne partagez pas ce lien) : ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
  nl: {
    sms: (v, plp) => `Welkom bij ${plp}! Uw persoonlijke link: ${v.memberUrl}`,
    email: (v, plp) => ({
      subject: `Welkom bij ${plp}`,
      paragraphs: [
        [`Uw inschrijving bij ${plp} is bevestigd. Welkom!`],
        ['Uw persoonlijke pagina (deel deze link niet): ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
  de: {
    sms: (v, plp) => `Willkommen bei ${plp}! Ihr persönlicher Link: ${v.memberUrl}`,
    email: (v, plp) => ({
      subject: `Willkommen bei ${plp}`,
      paragraphs: [
        [`Ihre Anmeldung bei ${plp} ist bestätigt. Willkommen!`],
        ['Ihre persönliche Seite (teilen Sie diesen Link nicht): ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
  en: {
    sms: (v, plp) => `Welcome to ${plp}! Your personal link: ${v.memberUrl}`,
    email: (v, plp) => ({
      subject: `Welcome to ${plp}`,
      paragraphs: [
        [`Your membership of ${plp} is confirmed. Welcome!`],
        ['Your personal page (do not share this link): ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
});
