import { type SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';

import type { QueueSender } from '../../messaging/ports.ts';

export class QueueSendError extends Error {
  override name = 'QueueSendError';
}

/** SQS's limit for one SendMessageBatch. */
const BATCH = 10;

/** QueueSender on SQS: SendMessageBatch of up to ten; a failed entry throws with its code (never the body). */
export function sqsQueueSender<T>(client: SQSClient, queueUrl: string): QueueSender<T> {
  return {
    async send(messages) {
      for (let start = 0; start < messages.length; start += BATCH) {
        const part = messages.slice(start, start + BATCH);
        const res = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: part.map((m, i) => ({ Id: String(start + i), MessageBody: JSON.stringify(m) })),
          }),
        );
        if (res.Failed?.length) {
          const codes = [...new Set(res.Failed.map((f) => f.Code))].join(', ');
          throw new QueueSendError(`${res.Failed.length} of ${part.length} messages refused by the queue: ${codes}`);
        }
      }
    },
  };
}
