import 'aws-sdk-client-mock-vitest/extend';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SmsSendError, snsSmsSender } from '../../../shared/adapters/sns/sms-sender.ts';

const sns = mockClient(SNSClient);
const client = new SNSClient({ region: 'eu-west-1' });
const phone = '+32470123456';

describe('snsSmsSender', () => {
  beforeEach(() => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('publishes to the phone number as Transactional with the sender ID and returns the MessageId', async () => {
    const sender = snsSmsSender(client, { senderId: 'PLPAlert' });
    await expect(sender.send(phone, 'Bonjour')).resolves.toEqual({ messageId: 'm-1' });

    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      PhoneNumber: phone,
      Message: 'Bonjour',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'PLPAlert' },
      },
    });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.TopicArn).toBeUndefined();
    expect(input.TargetArn).toBeUndefined();
  });

  it('sends no sender ID when none is given, and the origination number when given', async () => {
    await snsSmsSender(client, { originationNumber: '+3225550100' }).send(phone, 'x');
    const attributes = sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes!;
    expect(Object.keys(attributes).sort()).toEqual(['AWS.MM.SMS.OriginationNumber', 'AWS.SNS.SMS.SMSType']);
    expect(attributes['AWS.SNS.SMS.SMSType']).toEqual({ DataType: 'String', StringValue: 'Transactional' });
    expect(attributes['AWS.MM.SMS.OriginationNumber']).toEqual({ DataType: 'String', StringValue: '+3225550100' });
  });

  it('wraps an SNS failure in SmsSendError, keeping the cause and leaving the phone number out', async () => {
    const cause = Object.assign(new Error(`Invalid parameter: PhoneNumber Reason: ${phone} is opted out`), {
      name: 'InvalidParameterException',
    });
    sns.on(PublishCommand).rejects(cause);

    const error = await snsSmsSender(client)
      .send(phone, 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as SmsSendError).name).toBe('SmsSendError');
    expect((error as SmsSendError).message).toContain('InvalidParameterException');
    expect((error as SmsSendError).message).not.toContain('470123456');
    expect((error as SmsSendError).cause).toBe(cause);
  });

  it('fails when SNS answers without a MessageId', async () => {
    sns.on(PublishCommand).resolves({});
    await expect(snsSmsSender(client).send(phone, 'x')).rejects.toBeInstanceOf(SmsSendError);
  });

  it('refuses a number that is not E.164 without calling SNS or echoing the number', async () => {
    const error = await snsSmsSender(client)
      .send('0470 12 34 56', 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).not.toContain('0470');
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });

  it('refuses an invalid sender ID at construction', () => {
    expect(() => snsSmsSender(client, { senderId: 'PLP-Alert-Ixelles' })).toThrow(/sender ID/);
    expect(() => snsSmsSender(client, { senderId: '12345' })).toThrow(/sender ID/);
  });
});
