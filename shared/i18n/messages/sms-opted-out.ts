import * as z from '../../zod.ts';
import { defineMessage } from '../messages.ts';

/** After STOP from a number that belongs to no member: no SMS any more, and how to come back. */
export const smsOptedOutMessage = /* @__PURE__ */ defineMessage({
  vars: () => z.object({}),
  fr: {
    sms: () => 'PLP Alert : vous ne recevrez plus de SMS. Pour rejoindre une PLP, envoyez INSCRIRE et son code.',
    email: () => ({
      subject: 'PLP Alert : SMS arrêtés',
      paragraphs: [['Ce numéro ne recevra plus de SMS de PLP Alert.']],
    }),
  },
  nl: {
    sms: () => 'PLP Alert: u ontvangt geen sms meer. Om u aan te melden bij een BIN, stuur AANMELDEN en de code.',
    email: () => ({
      subject: 'PLP Alert: geen sms meer',
      paragraphs: [['Dit nummer ontvangt geen sms meer van PLP Alert.']],
    }),
  },
  de: {
    sms: () => 'PLP Alert: Sie erhalten keine SMS mehr. Um einer PLP beizutreten, senden Sie ANMELDEN und den Code.',
    email: () => ({
      subject: 'PLP Alert: keine SMS mehr',
      paragraphs: [['Diese Nummer erhält keine SMS mehr von PLP Alert.']],
    }),
  },
  en: {
    sms: () => 'PLP Alert: you will get no more SMS. To join a PLP, text JOIN and its code.',
    email: () => ({
      subject: 'PLP Alert: SMS stopped',
      paragraphs: [['This number will get no more SMS from PLP Alert.']],
    }),
  },
});
