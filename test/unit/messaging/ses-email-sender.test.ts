import 'aws-sdk-client-mock-vitest/extend';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmailSendError, sesEmailSender } from '../../../shared/adapters/sesv2/email-sender.ts';

const message = {
  to: 'marie@example.be',
  subject: 'Bienvenue – PLP Ixelles',
  html: '<p>Bonjour</p>',
  text: 'Bonjour',
};

describe('sesEmailSender (mocked SES v2)', () => {
  const client = new SESv2Client({ region: 'eu-west-1' });
  let ses: AwsClientStub<SESv2Client>;

  // Mocked per test and restored after, so the aws-ses-v2-local tests below reach the real server.
  beforeEach(() => {
    ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'e-1' });
  });
  afterEach(() => ses.restore());

  it('sends simple UTF-8 content from the configured address, with the configuration set', async () => {
    const sender = sesEmailSender(client, { from: 'noreply@plp-alert.be', configurationSet: 'plp-dev' });
    await expect(sender.send({ ...message, replyTo: 'coord@example.be' })).resolves.toEqual({ messageId: 'e-1' });

    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toEqual({
      FromEmailAddress: 'noreply@plp-alert.be',
      Destination: { ToAddresses: ['marie@example.be'] },
      ReplyToAddresses: ['coord@example.be'],
      ConfigurationSetName: 'plp-dev',
      Content: {
        Simple: {
          Subject: { Data: 'Bienvenue – PLP Ixelles', Charset: 'UTF-8' },
          Body: {
            Html: { Data: '<p>Bonjour</p>', Charset: 'UTF-8' },
            Text: { Data: 'Bonjour', Charset: 'UTF-8' },
          },
        },
      },
    });
  });

  it('leaves out the configuration set and reply-to when not given', async () => {
    await sesEmailSender(client, { from: 'noreply@plp-alert.be' }).send(message);
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input).not.toHaveProperty('ConfigurationSetName');
    expect(input).not.toHaveProperty('ReplyToAddresses');
  });

  it('wraps an SES failure in EmailSendError, keeping the cause and leaving the address out', async () => {
    const cause = Object.assign(new Error('Email address is not verified: marie@example.be'), {
      name: 'MessageRejected',
    });
    ses.on(SendEmailCommand).rejects(cause);
    const error = await sesEmailSender(client, { from: 'noreply@plp-alert.be' })
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect((error as EmailSendError).name).toBe('EmailSendError');
    expect((error as EmailSendError).message).toContain('MessageRejected');
    expect((error as EmailSendError).message).not.toContain('marie');
    expect((error as EmailSendError).cause).toBe(cause);
  });

  it('fails when SES answers without a MessageId', async () => {
    ses.on(SendEmailCommand).resolves({});
    await expect(sesEmailSender(client, { from: 'noreply@plp-alert.be' }).send(message)).rejects.toBeInstanceOf(
      EmailSendError,
    );
  });
});
