import type { CountryCode } from 'libphonenumber-js';
import type { EventPublisher } from '../../events/define-event.ts';
import type { DirectoryStore } from '../directory/ports.ts';
import { type ProblemKind, RateLimitedError } from '../errors.ts';
import { rateLimitedProblem } from '../i18n/problems.ts';
import type { Language } from '../i18n/languages.ts';
import { emailContent, smsText, type Message, type MessageVars } from '../i18n/messages.ts';
import type { EmailSender, QueueSender, SmsSender } from '../messaging/ports.ts';
import { type BudgetedPlp, chargeSms, type SmsBudget } from '../messaging/sms-budget.ts';
import { hashSecret } from './codes.ts';
import { contactRateLimitedProblem } from './problems.ts';
import { canReceiveSms } from './phone.ts';
import { CLIENT_BUCKET, CONTACT_LIMITS, type LimitDecision } from './limits.ts';
import type { Channel } from './model.ts';
import type { EnrolmentStore, LimitStore, MemberStore, OnceStore } from './ports.ts';

/** What the enrolment and membership use cases need from the outside world. */
export type EnrolmentDeps = {
  enrolments: EnrolmentStore;
  members: MemberStore;
  limits: LimitStore;
  once: OnceStore;
  directory: Pick<DirectoryStore, 'getPlp' | 'getPlps' | 'plpIdByCode' | 'assignmentsOf'>;
  publish: EventPublisher;
  sms: SmsSender;
  email: EmailSender;
  now: () => Date;
  /** The key of every HMAC (codes, tokens, contact and limit keys); held outside the table. */
  pepper: () => Promise<string>;
  /** Where member pages live: links are `${publicBaseUrl}/me#token=…`. */
  publicBaseUrl: string;
  /** Per-client-address limits: a stage setting (off only in local load and black-box tests). */
  clientLimits: boolean;
  /** The official languages of the deployment's area: for whoever's language is not known (a stage setting). */
  languages: readonly Language[];
  allowedCountries?: readonly CountryCode[];
  newId?: () => string;
  /** The queue of member-link requests (answered at once, handled by a worker). */
  memberLinks: QueueSender<{ contact: string }>;
  /**
   * The PLPs' monthly SMS budgets (shared/messaging/sms-budget.ts), charged by `notify` with `budget`. Every
   * handler whose use case sends an SMS belonging to a PLP builds it (test/unit/functions/sms-budget-wiring.test.ts);
   * left out, nothing is charged (unit tests of other rules).
   */
  smsBudget?: SmsBudget;
};

/** The part of EnrolmentDeps a use case needs: it names them, and its handler builds only those. */
export type Needs<K extends keyof EnrolmentDeps> = Pick<EnrolmentDeps, K>;

/** The table never holds a contact in a key: phones and e-mails are looked up by their HMAC. */
export const contactHash = (contact: string, pepper: string) => hashSecret(`contact:${contact.toLowerCase()}`, pepper);

/** The contact hashes of a person's phone and e-mail, those they have. */
export const contactHashesOf = (person: { phone?: string; email?: string }, pepper: string) =>
  [person.phone, person.email].filter((c): c is string => c !== undefined).map((c) => contactHash(c, pepper));

/** 429 with the wait when a limit said no. */
function refuseBeyond(decision: LimitDecision, kind: ProblemKind<429>) {
  if (!decision.allowed) throw new RateLimitedError(kind, decision.retryAfterSeconds);
}

/**
 * The key a contact is limited under: one mailbox whatever its `+tag` and the dots of its local part
 * (`a.b+x@example.be` and `ab@example.be` share a limit, API.md). Phone numbers are already E.164.
 */
export function limitKeyOf(contact: string): string {
  const at = contact.lastIndexOf('@');
  if (at < 0) return contact;
  const local = contact.slice(0, at).toLowerCase().split('+')[0]!.replaceAll('.', '');
  return `${local}@${contact.slice(at + 1).toLowerCase()}`;
}

/**
 * Per-contact limit on codes and member links (≤ 3 an hour, ≤ 5 a day, per mailbox) → 429 beyond. Gives the
 * send's time, which refundContact takes to give it back when the message could not be sent.
 */
export const limitContact = async (contact: string, d: Needs<'limits' | 'now' | 'pepper'>): Promise<Date> => {
  const keyHash = contactHash(limitKeyOf(contact), await d.pepper());
  const at = d.now();
  const decision = await d.limits.consumeLimit('contact', keyHash, CONTACT_LIMITS, at);
  refuseBeyond(decision, contactRateLimitedProblem);
  return at;
};

/** A message that could not be sent does not count against its contact's limit. */
export const refundContact = async (contact: string, at: Date, d: Needs<'limits' | 'pepper'>) => {
  await d.limits.refundLimit('contact', contactHash(limitKeyOf(contact), await d.pepper()), at);
};

/** Per-client-address limit on the anonymous routes → 429 beyond. */
export const limitClient = async (sourceIp: string, d: Needs<'clientLimits' | 'limits' | 'now' | 'pepper'>) => {
  if (!d.clientLimits) return;
  const keyHash = hashSecret(`ip:${sourceIp}`, await d.pepper());
  const decision = await d.limits.takeToken('client', keyHash, CLIENT_BUCKET, d.now());
  refuseBeyond(decision, rateLimitedProblem);
};

/** A number that texted STOP gets no SMS (no code, no link) until it texts JOIN or its member adds SMS again. */
const SMS_OPT_OUT = 'sms-optout';
const SMS_OPT_OUT_SECONDS = 5 * 365 * 86_400;
export const smsOptOut = {
  async record(phone: string, d: Needs<'once' | 'pepper' | 'now'>) {
    await d.once.claimOnce(SMS_OPT_OUT, contactHash(phone, await d.pepper()), SMS_OPT_OUT_SECONDS, d.now());
  },
  async clear(phone: string, d: Needs<'once' | 'pepper' | 'now'>) {
    await d.once.releaseOnce(SMS_OPT_OUT, contactHash(phone, await d.pepper()));
  },
  async has(phone: string, d: Needs<'once' | 'pepper' | 'now'>) {
    return d.once.isClaimed(SMS_OPT_OUT, contactHash(phone, await d.pepper()), d.now());
  },
};

/** Why no SMS may go to this number (a landline, or a STOP), or undefined when it may. */
export async function smsRefusalFor(phone: string, d: Needs<'now' | 'once' | 'pepper'>): Promise<string | undefined> {
  if (!canReceiveSms(phone)) return 'give a mobile number (04xx…) for SMS, or an e-mail address';
  if (await smsOptOut.has(phone, d))
    return 'this number asked for no SMS (STOP): text JOIN and the PLP code from it, or give an e-mail address';
  return undefined;
}

export type Recipient = { language: Language; channels: readonly Channel[]; phone?: string; email?: string };

/** How `notify` sends: the channels (the recipient's own by default), and the PLP an SMS is charged to. */
export type NotifyOptions = {
  channels?: readonly Channel[];
  /**
   * The PLP whose monthly SMS budget the SMS is charged to (docs/api.md, "SMS budget"). Left out for what is
   * never charged: codes, member links, answers to unknown numbers (and, later, red alerts).
   */
  budget?: BudgetedPlp;
  /**
   * When the budget refuses the SMS, the message goes by e-mail to a recipient who has an address (true by
   * default; nothing more when this call sends e-mail anyway). False where the e-mail goes, or went, otherwise.
   */
  emailFallback?: boolean;
};

/**
 * Sends one kind of message on each of the recipient's channels that has a contact, in their language. With
 * `budget`, an SMS is charged to that PLP first: refused (the month is spent), it is not sent, and the message
 * goes by e-mail instead when the recipient has an address; an SMS whose send fails is given back.
 */
export async function notify<M extends Message<any>>(
  to: Recipient,
  message: M,
  vars: MessageVars<M>,
  d: Needs<'sms' | 'email'> & Partial<Needs<'now' | 'smsBudget'>>,
  options: readonly Channel[] | NotifyOptions = {},
): Promise<void> {
  const opts: NotifyOptions = Array.isArray(options) ? { channels: options } : (options as NotifyOptions);
  const { channels = to.channels, budget, emailFallback = true } = opts;
  const sendEmail = async (address: string) =>
    d.email.send({ to: address, ...emailContent(message, to.language, vars) });
  for (const channel of channels) {
    if (channel === 'sms' && to.phone) {
      const text = smsText(message, to.language, vars);
      const charged =
        budget && d.smsBudget ? await chargeSms(budget, text, d.smsBudget, d.now?.() ?? new Date()) : null;
      if (charged === undefined) {
        // Over budget: not sent (chargeSms counted and logged it); the e-mail carries the message instead.
        if (emailFallback && to.email && !channels.includes('email')) await sendEmail(to.email);
        continue;
      }
      try {
        await d.sms.send(to.phone, text);
      } catch (error) {
        if (charged) await d.smsBudget?.store.refundSms(charged);
        throw error;
      }
    }
    if (channel === 'email' && to.email) await sendEmail(to.email);
  }
}

export const memberUrl = (d: Needs<'publicBaseUrl'>, token: string) => `${d.publicBaseUrl}/me#token=${token}`;
export const manageUrl = (d: Needs<'publicBaseUrl'>) => `${d.publicBaseUrl}/me`;
export const joinFormUrl = (d: Needs<'publicBaseUrl'>, enrolmentId: string) =>
  `${d.publicBaseUrl}/join#enrolment=${enrolmentId}`;
