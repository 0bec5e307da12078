import * as z from '../../zod.ts';
import { defineMessage, httpUrl } from '../messages.ts';

/** After the SMS keyword STOP, for a member who keeps other channels. */
export const smsStoppedMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({ manageUrl: z.optional(httpUrl) }),
  fr: {
    sms: () => 'Vous ne recevrez plus de SMS de PLP Alert. Vous recevez toujours les e-mails.',
    email: () => ({
      subject: 'PLP Alert : SMS arrêtés',
      paragraphs: [['Vous ne recevrez plus de SMS de PLP Alert. Vous recevez toujours nos messages par e-mail.']],
    }),
  },
  nl: {
    sms: () => 'U ontvangt geen sms meer van PLP Alert. E-mails ontvangt u wel nog.',
    email: () => ({
      subject: 'PLP Alert: geen sms meer',
      paragraphs: [['U ontvangt geen sms meer van PLP Alert. Onze berichten per e-mail ontvangt u wel nog.']],
    }),
  },
  de: {
    sms: () => 'Sie erhalten keine SMS mehr von PLP Alert. E-Mails erhalten Sie weiterhin.',
    email: () => ({
      subject: 'PLP Alert: keine SMS mehr',
      paragraphs: [
        ['Sie erhalten keine SMS mehr von PLP Alert. Unsere Nachrichten per E-Mail erhalten Sie weiterhin.'],
      ],
    }),
  },
  en: {
    sms: () => 'You will no longer receive SMS from PLP Alert. You still receive e-mails.',
    email: () => ({
      subject: 'PLP Alert: SMS stopped',
      paragraphs: [['You will no longer receive SMS from PLP Alert. You still receive our messages by e-mail.']],
    }),
  },
});
