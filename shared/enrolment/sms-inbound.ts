import { RateLimitedError } from '../errors.ts';
import type { Language } from '../i18n/languages.ts';
import { smsText } from '../i18n/messages.ts';
import { helpMessage } from '../i18n/messages/help.ts';
import { leftMessage } from '../i18n/messages/left.ts';
import { smsStoppedMessage } from '../i18n/messages/sms-stopped.ts';
import { contactHash, type Needs, manageUrl, smsOptOut } from './context.ts';
import { parseSmsKeyword } from './keywords.ts';
import { publishLeft } from './members.ts';
import { canReceiveSms, parsePhone } from './phone.ts';
import { requestSmsEnrolment } from './use-cases.ts';

export type InboundSms = { from: string; body: string; messageId: string };

/** Unknown numbers get the help text at most once a day. */
const UNKNOWN_HELP_SECONDS = 86_400;
const INBOUND_ONCE_SECONDS = 7 * 86_400;
const DEFAULT_LANGUAGE: Language = 'fr';

/** What handling an inbound SMS may touch: it can enrol, stop, help and answer. */
export type InboundSmsDeps = Needs<
  | 'allowedCountries'
  | 'directory'
  | 'email'
  | 'enrolments'
  | 'limits'
  | 'members'
  | 'newId'
  | 'now'
  | 'once'
  | 'pepper'
  | 'publicBaseUrl'
  | 'publish'
  | 'sms'
>;

/**
 * An SMS to the shortcode (API.md, keyword table). Handled once per inbound message id. JOIN starts an SMS
 * enrolment; STOP removes the SMS channel at once (the member leaves when it was their only channel);
 * HELP answers in the number's language; anything else gets help (members: until reports by SMS exist),
 * at most once a day for unknown numbers.
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
  const language = ('language' in keyword ? keyword.language : undefined) ?? found?.member.language;
  const reply = (text: string) => d.sms.send(phone, text);
  const help = async () => {
    const text = smsText(helpMessage, language ?? DEFAULT_LANGUAGE, { manageUrl: manageUrl(d) });
    if (found) return void (await reply(text));
    // Unknown numbers: once a day. A failed send gives the day back, so the retry answers.
    const key = contactHash(phone, pepper);
    if (!(await d.once.claimOnce('unknown-help', key, UNKNOWN_HELP_SECONDS, d.now()))) return;
    try {
      await reply(text);
    } catch (error) {
      await d.once.releaseOnce('unknown-help', key);
      throw error;
    }
  };

  switch (keyword.kind) {
    case 'join': {
      const plpId = await d.directory.plpIdByCode(keyword.plpCode);
      const plp = plpId ? await d.directory.getPlp(plpId) : undefined;
      if (!plp || plp.status !== 'launched') return help();
      try {
        await requestSmsEnrolment(phone, plp, language ?? plp.languages[0] ?? DEFAULT_LANGUAGE, d);
      } catch (error) {
        if (error instanceof RateLimitedError) return; // enough codes sent to this number for now
        throw error;
      }
      return;
    }
    case 'stop': {
      // Members and strangers alike (someone may have been enrolled by another): no more SMS to this number.
      await smsOptOut.record(phone, d);
      if (!found || !found.member.channels.includes('sms')) return;
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
      if (leaves) {
        await publishLeft(member.memberId, memberships, 'sms_stop', d);
        const names = (await d.directory.getPlps(memberships.map((m) => m.plpId))).map((p) => p.name);
        await reply(smsText(leftMessage, member.language, { plpName: names.join(', ').slice(0, 80) || 'PLP Alert' }));
      } else {
        await reply(smsText(smsStoppedMessage, member.language, { manageUrl: manageUrl(d) }));
      }
      return;
    }
    default:
      return help();
  }
}
