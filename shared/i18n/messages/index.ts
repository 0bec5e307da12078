import { awaitingApprovalMessage } from './awaiting-approval.ts';
import { codeMessage } from './code.ts';
import { helpMessage } from './help.ts';
import { leftMessage } from './left.ts';
import { linkMessage } from './link.ts';
import { rejectedMessage } from './rejected.ts';
import { reportReceivedMessage } from './report-received.ts';
import { smsOptedOutMessage } from './sms-opted-out.ts';
import { smsStoppedMessage } from './sms-stopped.ts';
import { unknownPlpCodeMessage } from './unknown-plp-code.ts';
import { welcomeMessage } from './welcome.ts';

/**
 * Every kind of message, for the tests and listings. Handlers and use cases import the kinds they send from
 * their own modules, never this: a bundle then holds only those (eslint refuses this import in bundled code).
 */
export const messages = {
  code: codeMessage,
  welcome: welcomeMessage,
  link: linkMessage,
  left: leftMessage,
  smsStopped: smsStoppedMessage,
  rejected: rejectedMessage,
  help: helpMessage,
  unknownPlpCode: unknownPlpCodeMessage,
  smsOptedOut: smsOptedOutMessage,
  awaitingApproval: awaitingApprovalMessage,
  reportReceived: reportReceivedMessage,
};
export type MessageKind = keyof typeof messages;
