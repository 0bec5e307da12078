import * as z from '../../zod.ts';
import { defineMessage, httpUrl } from '../messages.ts';

/** The SMS keywords, in answer to HELP or to an SMS the platform does not understand. */
export const helpMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ manageUrl: z.optional(httpUrl) }),
  fr: {
    sms: () => 'PLP Alert : INSCRIRE <code> pour rejoindre une PLP, ARRET pour arrêter les SMS, AIDE pour cette aide.',
    email: () => ({
      subject: 'PLP Alert : aide',
      paragraphs: [
        ['Par SMS, envoyez :'],
        ['INSCRIRE <code> pour rejoindre une PLP ; ARRET pour ne plus recevoir de SMS ; AIDE pour cette aide.'],
      ],
    }),
  },
  nl: {
    sms: () => 'PLP Alert: AANMELDEN <code> om u aan te melden, STOP voor geen sms meer, HULP voor deze hulp.',
    email: () => ({
      subject: 'PLP Alert: hulp',
      paragraphs: [
        ['Stuur per sms:'],
        ['AANMELDEN <code> om u aan te melden; STOP voor geen sms meer; HULP voor deze hulp.'],
      ],
    }),
  },
  de: {
    sms: () => 'PLP Alert: ANMELDEN <Code> zum Anmelden, STOPP für keine SMS mehr, HILFE für diese Hilfe.',
    email: () => ({
      subject: 'PLP Alert: Hilfe',
      paragraphs: [
        ['Senden Sie per SMS:'],
        ['ANMELDEN <Code> zum Anmelden; STOPP für keine SMS mehr; HILFE für diese Hilfe.'],
      ],
    }),
  },
  en: {
    sms: () => 'PLP Alert: JOIN <code> to join a PLP, STOP to stop SMS, HELP for this help.',
    email: () => ({
      subject: 'PLP Alert: help',
      paragraphs: [['Send by SMS:'], ['JOIN <code> to join a PLP; STOP to stop SMS; HELP for this help.']],
    }),
  },
});
