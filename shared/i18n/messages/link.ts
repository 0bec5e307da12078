import * as z from '../../zod.ts';
import { defineMessage, httpUrl } from '../messages.ts';

/** The personal member link, sent again. */
export const linkMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ memberUrl: httpUrl, manageUrl: z.optional(httpUrl) }),
  fr: {
    sms: (v) => `Votre lien personnel PLP Alert (ne le partagez pas) : ${v.memberUrl}`,
    email: (v) => ({
      subject: 'Votre lien personnel',
      paragraphs: [
        ['Voici votre lien personnel PLP Alert.'],
        ['Votre page personnelle (ne partagez pas ce lien) : ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
  nl: {
    sms: (v) => `Uw persoonlijke link voor PLP Alert (deel hem niet): ${v.memberUrl}`,
    email: (v) => ({
      subject: 'Uw persoonlijke link',
      paragraphs: [
        ['Hier is uw persoonlijke link voor PLP Alert.'],
        ['Uw persoonlijke pagina (deel deze link niet): ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
  de: {
    sms: (v) => `Ihr persönlicher Link für PLP Alert (nicht weitergeben): ${v.memberUrl}`,
    email: (v) => ({
      subject: 'Ihr persönlicher Link',
      paragraphs: [
        ['Hier ist Ihr persönlicher Link für PLP Alert.'],
        ['Ihre persönliche Seite (teilen Sie diesen Link nicht): ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
  en: {
    sms: (v) => `Your personal PLP Alert link (do not share it): ${v.memberUrl}`,
    email: (v) => ({
      subject: 'Your personal link',
      paragraphs: [
        ['Here is your personal PLP Alert link.'],
        ['Your personal page (do not share this link): ', { href: v.memberUrl, label: v.memberUrl }],
      ],
    }),
  },
});
