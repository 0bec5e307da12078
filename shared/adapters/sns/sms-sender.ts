import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SmsSender } from '../../messaging/ports.ts';

/** A failed SMS hand-over. The message never contains the phone number; the SDK error is kept as `cause`. */
export class SmsSendError extends Error {
  override name = 'SmsSendError';
}

const E164 = /^\+[1-9]\d{1,14}$/;
/** SNS sender IDs: 1–11 characters, letters and digits, at least one letter. */
const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/;

export type SnsSmsOptions = { senderId?: string; originationNumber?: string };

/**
 * SmsSender on SNS: one Publish per SMS to a phone number, always Transactional (alerts must not be
 * throttled or dropped as promotional). The sender ID and origination number are optional: Belgium
 * accepts alphanumeric sender IDs; a dedicated number is used when the account has one.
 */
export function snsSmsSender(client: SNSClient, options: SnsSmsOptions = {}): SmsSender {
  const { senderId, originationNumber } = options;
  if (senderId !== undefined && !SENDER_ID.test(senderId)) {
    throw new Error('Invalid SNS sender ID: 1 to 11 letters or digits, at least one letter');
  }
  if (originationNumber !== undefined && !E164.test(originationNumber)) {
    throw new Error('Invalid origination number: E.164 expected');
  }
  const attributes: Record<string, MessageAttributeValue> = {
    'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
  };
  if (senderId) attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: senderId };
  if (originationNumber) {
    attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: originationNumber };
  }

  return {
    async send(to, body) {
      if (!E164.test(to)) throw new SmsSendError('SMS not sent: the destination is not an E.164 number');
      let messageId: string | undefined;
      try {
        const res = await client.send(
          new PublishCommand({ PhoneNumber: to, Message: body, MessageAttributes: attributes }),
        );
        messageId = res.MessageId;
      } catch (error) {
        // The SDK message may quote the phone number: only the error name goes into ours.
        throw new SmsSendError(`SMS publish failed: ${errorName(error)}`, { cause: error });
      }
      if (!messageId) throw new SmsSendError('SMS publish failed: no MessageId in the answer');
      return { messageId };
    },
  };
}

function errorName(error: unknown): string {
  return (error as { name?: string } | undefined)?.name ?? 'unknown error';
}
