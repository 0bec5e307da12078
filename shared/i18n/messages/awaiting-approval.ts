import * as z from '../../zod.ts';
import { defineMessage, plpName } from '../messages.ts';

/** The resident's contact is confirmed and the enrolment waits for the coordinator's approval. */
export const awaitingApprovalMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ plpName }),
  fr: {
    sms: (_v, plp) => `${plp} : inscription confirmée, en attente d'approbation.`,
    email: (_v, plp) => ({
      subject: `Inscription à ${plp} : en attente d'approbation`,
      paragraphs: [
        [`Votre inscription à ${plp} est confirmée.`],
        ["Le coordinateur doit encore l'approuver. Vous recevrez alors un message de bienvenue."],
      ],
    }),
  },
  nl: {
    sms: (_v, plp) => `${plp}: inschrijving bevestigd, wacht op goedkeuring door de coördinator.`,
    email: (_v, plp) => ({
      subject: `Inschrijving bij ${plp}: wacht op goedkeuring`,
      paragraphs: [
        [`Uw inschrijving bij ${plp} is bevestigd.`],
        ['De coördinator moet ze nog goedkeuren. Daarna krijgt u een welkomstbericht.'],
      ],
    }),
  },
  de: {
    sms: (_v, plp) => `${plp}: Anmeldung bestätigt, wartet auf Genehmigung des Koordinators.`,
    email: (_v, plp) => ({
      subject: `Anmeldung bei ${plp}: wartet auf Genehmigung`,
      paragraphs: [
        [`Ihre Anmeldung bei ${plp} ist bestätigt.`],
        ['Der Koordinator muss sie noch genehmigen. Danach erhalten Sie eine Willkommensnachricht.'],
      ],
    }),
  },
  en: {
    sms: (_v, plp) => `${plp}: enrolment confirmed, waiting for the coordinator's approval.`,
    email: (_v, plp) => ({
      subject: `Enrolment in ${plp}: waiting for approval`,
      paragraphs: [
        [`Your enrolment in ${plp} is confirmed.`],
        ['The coordinator still has to approve it. You will then get a welcome message.'],
      ],
    }),
  },
});
