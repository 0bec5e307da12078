import 'aws-sdk-client-mock-vitest/extend';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { QueueSendError, sqsQueueSender } from '../../../shared/adapters/sqs/queue-sender.ts';

const sqs = mockClient(SQSClient);
const url = 'https://sqs.eu-west-1.amazonaws.com/123456789012/alert-deliveries';
beforeEach(() => sqs.reset());

describe('sqsQueueSender', () => {
  it('sends JSON bodies in batches of at most ten', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const messages = Array.from({ length: 23 }, (_, i) => ({ n: i }));
    await sqsQueueSender<{ n: number }>(new SQSClient({}), url).send(messages);
    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
    expect(calls[2]?.args[0].input).toMatchObject({
      QueueUrl: url,
      Entries: [{ Id: '20', MessageBody: '{"n":20}' }, {}, {}],
    });
  });

  it('fails when the queue refused an entry, naming the code only', async () => {
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false, Message: 'body {"phone":"+32470…"}' }],
    });
    const sending = sqsQueueSender(new SQSClient({}), url).send([{ phone: '+32470000000' }]);
    await expect(sending).rejects.toThrow(QueueSendError);
    await expect(sending).rejects.toThrow(/^1 of 1 messages refused by the queue: InternalError$/);
  });
});
