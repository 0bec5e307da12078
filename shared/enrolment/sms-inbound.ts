import { RateLimitedError } from '../errors.ts';
import { type Message, type MessageVars, smsText } from '../i18n/messages.ts';
import { helpMessage } from '../i18n/messages/help.ts';
import { leftMessage } from '../i18n/messages/left.ts';
import { smsOptedOutMessage } from '../i18n/messages/sms-opted-out.ts';
import { smsStoppedMessage } from '../i18n/messages/sms-stopped.ts';
import { unknownPlpCodeMessage } from '../i18n/messages/unknown-plp-code.ts';
import { contactHash, type Needs, manageUrl, notify, smsOptOut } from './context.ts';
import { parseSmsKeyword, textLanguage } from './keywords.ts';
import { publishLeft } from './members.ts';
import { canReceiveSms, parsePhone } from './phone.ts';
import { requestSmsEnrolment } from './use-cases.ts';

export type InboundSms = { from: string; body: string; messageId: string };

/** Unknown numbers get each kind of answer (help, unknown code, STOP confirmation) at most once a day. */
const UNKNOWN_ANSWER_SECONDS = 86_400;
const INBOUND_ONCE_SECONDS = 7 * 86_400;

/** What handling an inbound SMS may touch: it can enrol, stop, help and answer. */
export type InboundSmsDeps = Needs<
  | 'allowedCountries'
  | 'directory'
  | 'email'
  | 'enrolments'
  | 'languages'
  | 'limits'
  | 'members'
  | 'newId'
  | 'now'
  | 'once'
  | 'pepper'
  | 'publicBaseUrl'
  | 'publish'
  | 'sms'
  | 'smsBudget'
>;

/**
 * An SMS to the shortcode (API.md, keyword table). Handled once per inbound message id. JOIN starts an SMS
 * enrolment (an unknown PLP code is answered with where to find the right one); STOP removes the SMS channel
 * at once (the member leaves when it was their only channel) and is confirmed, to strangers too; HELP and
 * anything else get help (members: until reports by SMS exist). Answers go in the language of the keyword
 * or text when it tells, else the member's, else in each official language of the deployment; unknown
 * numbers get each kind of answer at most once a day.
 */
export async function handleInboundSms(sms: InboundSms, d: InboundSmsDeps): Promise<void> {
  let phone: string;
  try {
    phone = parsePhone(sms.from, d.allowedCountries);
  } catch {
    return; // not a number we may answer (allow-list), nor one that can be a member
  }
  // A landline or premium number: nothing is texted to it (the web form's rule), so nothing is started either.
  if (!canReceiveSms(phone)) return;
  if (!(await d.once.claimOnce('sms-in', sms.messageId, INBOUND_ONCE_SECONDS, d.now()))) return;
  try {
    await handle(phone, sms, d);
  } catch (error) {
    // Released so that the provider's retry handles the message again (nothing lost).
    await d.once.releaseOnce('sms-in', sms.messageId);
    throw error;
  }
}

async function handle(phone: string, sms: InboundSms, d: InboundSmsDeps): Promise<void> {
  const pepper = await d.pepper();
  const memberId = await d.members.memberIdByContact(contactHash(phone, pepper));
  const found = memberId ? await d.members.getMember(memberId) : undefined;
  const keyword = parseSmsKeyword(sms.body);
  const told = keyword.kind === 'other' ? textLanguage(keyword.text) : keyword.language;
  const language = told ?? found?.member.language;
  const reply = (text: string) => d.sms.send(phone, text);
  /** In the language known, else in each official language of the deployment (fr and nl in Brussels). */
  const answer = async <M extends Message<any>>(message: M, vars: MessageVars<M>) => {
    for (const l of language ? [language] : d.languages) await reply(smsText(message, l, vars));
  };
  /** Members are answered every time; unknown numbers once a day per kind (a failed send gives the day back). */
  const answerOnce = async <M extends Message<any>>(kind: string, message: M, vars: MessageVars<M>) => {
    if (found) return answer(message, vars);
    const key = `${kind}:${contactHash(phone, pepper)}`;
    if (!(await d.once.claimOnce('unknown-answer', key, UNKNOWN_ANSWER_SECONDS, d.now()))) return;
    try {
      await answer(message, vars);
    } catch (error) {
      await d.once.releaseOnce('unknown-answer', key);
      throw error;
    }
  };
  const help = () => answerOnce('help', helpMessage, { manageUrl: manageUrl(d) });

  switch (keyword.kind) {
    case 'join': {
      const plpId = await d.directory.plpIdByCode(keyword.plpCode);
      const plp = plpId ? await d.directory.getPlp(plpId) : undefined;
      if (!plp || plp.status !== 'launched')
        return answerOnce('unknown-code', unknownPlpCodeMessage, {
          plpCode: keyword.plpCode,
          findUrl: d.publicBaseUrl,
        });
      try {
        await requestSmsEnrolment(phone, plp, language ?? plp.languages[0] ?? d.languages[0] ?? 'fr', d);
      } catch (error) {
        if (error instanceof RateLimitedError) return; // enough codes sent to this number for now
        throw error;
      }
      return;
    }
    case 'stop': {
      // Members and strangers alike (someone may have been enrolled by another): no more SMS to this number.
      await smsOptOut.record(phone, d);
      if (!found || !found.member.channels.includes('sms')) return answerOnce('stop', smsOptedOutMessage, {});
      const { member, memberships } = found;
      const channels = member.channels.filter((c) => c !== 'sms');
      const leaves = channels.length === 0;
      await d.members.writeMember({
        member: {
          ...member,
          channels,
          status: leaves ? 'left' : member.status,
          updatedAt: d.now().toISOString(),
          version: member.version + 1,
        },
        expectedVersion: member.version,
        ...(leaves ? { deleteMemberships: memberships.map((m) => m.plpId) } : {}),
      });
      // The reply is the member's PLP's SMS, charged to its budget (the first PLP when several): over budget it
      // is not sent, and not mailed either — the member has just acted by SMS and this function sends no e-mail.
      const plps = await d.directory.getPlps(memberships.map((m) => m.plpId));
      const plpId = memberships[0]?.plpId;
      const replyCharged = <M extends Message<any>>(message: M, vars: MessageVars<M>) =>
        notify({ language: member.language, channels: ['sms'], phone }, message, vars, d, {
          ...(plpId ? { budget: plps.find((p) => p.plpId === plpId) ?? { plpId } } : {}),
          emailFallback: false,
        });
      if (leaves) {
        await publishLeft(member.memberId, memberships, 'sms_stop', d);
        const names = plps.map((p) => p.name);
        await replyCharged(leftMessage, { plpName: names.join(', ').slice(0, 80) || 'PLP Alert' });
      } else {
        await replyCharged(smsStoppedMessage, { manageUrl: manageUrl(d) });
      }
      return;
    }
    default:
      return help();
  }
}
