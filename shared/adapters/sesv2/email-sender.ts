import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailSender } from '../../messaging/ports.ts';

/** A failed email hand-over. The message never contains an address; the SDK error is kept as `cause`. */
export class EmailSendError extends Error {
  override name = 'EmailSendError';
}

export type SesEmailOptions = { from: string; configurationSet?: string };

const UTF8 = 'UTF-8';

/** EmailSender on SES v2: one SendEmail with simple content (subject, HTML and text parts, UTF-8). */
export function sesEmailSender(client: SESv2Client, options: SesEmailOptions): EmailSender {
  const { from, configurationSet } = options;
  return {
    async send(m) {
      let messageId: string | undefined;
      try {
        const res = await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [m.to] },
            ...(m.replyTo ? { ReplyToAddresses: [m.replyTo] } : {}),
            Content: {
              Simple: {
                Subject: { Data: m.subject, Charset: UTF8 },
                Body: { Html: { Data: m.html, Charset: UTF8 }, Text: { Data: m.text, Charset: UTF8 } },
              },
            },
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
          }),
        );
        messageId = res.MessageId;
      } catch (error) {
        // The SDK message may quote an address: only the error name goes into ours.
        const name = (error as { name?: string } | undefined)?.name ?? 'unknown error';
        throw new EmailSendError(`Email send failed: ${name}`, { cause: error });
      }
      if (!messageId) throw new EmailSendError('Email send failed: no MessageId in the answer');
      return { messageId };
    },
  };
}
