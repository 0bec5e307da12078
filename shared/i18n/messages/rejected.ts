import * as z from '../../zod.ts';
import { defineMessage, plpName } from '../messages.ts';

/** The coordinator did not accept the enrolment: no membership, hence no manage link. */
export const rejectedMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ plpName }),
  fr: {
    sms: (_v, plp) => `${plp} : inscription non acceptée. Infos : coordinateur ou commune.`,
    email: (_v, plp) => ({
      subject: `Inscription à ${plp} non acceptée`,
      paragraphs: [
        [`Votre inscription à ${plp} n'a pas été acceptée.`],
        ["Pour plus d'informations, contactez votre coordinateur ou votre commune."],
      ],
    }),
  },
  nl: {
    sms: (_v, plp) => `${plp}: inschrijving niet aanvaard. Meer info bij uw coördinator of gemeente.`,
    email: (_v, plp) => ({
      subject: `Inschrijving bij ${plp} niet aanvaard`,
      paragraphs: [
        [`Uw inschrijving bij ${plp} werd niet aanvaard.`],
        ['Neem voor meer informatie contact op met uw coördinator of uw gemeente.'],
      ],
    }),
  },
  de: {
    sms: (_v, plp) => `${plp}: Anmeldung nicht angenommen. Infos: Koordinator oder Gemeinde.`,
    email: (_v, plp) => ({
      subject: `Anmeldung bei ${plp} nicht angenommen`,
      paragraphs: [
        [`Ihre Anmeldung bei ${plp} wurde nicht angenommen.`],
        ['Für weitere Informationen wenden Sie sich an Ihren Koordinator oder Ihre Gemeinde.'],
      ],
    }),
  },
  en: {
    sms: (_v, plp) => `${plp}: enrolment not accepted. More info: your coordinator or commune.`,
    email: (_v, plp) => ({
      subject: `Enrolment in ${plp} not accepted`,
      paragraphs: [
        [`Your enrolment in ${plp} was not accepted.`],
        ['For more information, contact your coordinator or your commune.'],
      ],
    }),
  },
});
