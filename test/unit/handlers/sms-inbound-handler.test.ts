import type { Context, SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type InboundSmsMessage, smsInboundHandler } from '../../../shared/handlers/sms-inbound-handler.ts';

const context = { getRemainingTimeInMillis: () => 1000, functionName: 't', awsRequestId: 'r' } as unknown as Context;
const record = (message: string) => ({ Sns: { MessageId: 'sns-1', Message: message } });
const snsEvent = (...messages: string[]) => ({ Records: messages.map(record) }) as unknown as SNSEvent;
const notification = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    originationNumber: '+32470123456',
    destinationNumber: '8850',
    messageKeyword: 'KEYWORD',
    messageBody: 'STOP',
    inboundMessageId: 'in-1',
    ...over,
  });

describe('smsInboundHandler (two-way SMS notifications from SNS)', () => {
  it('hands each inbound SMS to the use case as from, body and message id', async () => {
    const seen: InboundSmsMessage[] = [];
    const handler = smsInboundHandler(async (sms) => void seen.push(sms));
    await handler(snsEvent(notification(), notification({ messageBody: 'HELP', inboundMessageId: 'in-2' })), context);
    expect(seen).toEqual([
      { from: '+32470123456', body: 'STOP', messageId: 'in-1' },
      { from: '+32470123456', body: 'HELP', messageId: 'in-2' },
    ]);
  });

  it('skips a record that is not an inbound SMS notification (a retry cannot fix it)', async () => {
    const seen: InboundSmsMessage[] = [];
    const handler = smsInboundHandler(async (sms) => void seen.push(sms));
    await handler(snsEvent('not json', JSON.stringify({ hello: 1 }), notification()), context);
    expect(seen).toHaveLength(1);
  });

  it('rethrows a failure of the use case so that SNS retries', async () => {
    const handler = smsInboundHandler(async () => {
      throw new Error('table unavailable');
    });
    await expect(handler(snsEvent(notification()), context)).rejects.toThrow('table unavailable');
  });
});
