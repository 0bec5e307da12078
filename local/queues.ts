import { randomUUID } from 'node:crypto';
import type { FunctionSpec } from '../functions/spec.ts';
import { logger } from '../shared/powertools.ts';
import type { Invoke } from './functions.ts';

/** The queue URL a function is given for a queue of its spec (QUEUE_URL_<NAME>, infra/environment.ts). */
export const localQueueUrl = (queue: string) => `http://sqs.local/000000000000/${queue}`;
export const queueOfUrl = (url: string) => /^http:\/\/sqs\.local\/000000000000\/([\w-]+)$/.exec(url)?.[1];

/**
 * The in-process stand-in for SQS: a message sent to a queue is delivered, in an SQS event of one record, to
 * the function whose trigger is that queue; the records it reports as failed (batchItemFailures) or a
 * thrown error are retried up to maxReceiveCount (5, as the CDK app's redrive policy), then dead-lettered.
 */
export function localQueues(options: {
  invoke: Invoke;
  specs: ReadonlyArray<readonly [string, FunctionSpec]>;
  maxReceiveCount?: number;
  retryDelayMs?: number;
}) {
  const max = options.maxReceiveCount ?? 5;
  const delay = options.retryDelayMs ?? 100;
  const deadLetters: { queue: string; messageId: string; error: string; body: string }[] = [];
  /** Messages their consumer handled, oldest first. */
  const delivered: { queue: string; messageId: string; consumer: string }[] = [];
  const pending = new Set<Promise<void>>();

  const deliver = async (name: string, queue: string, messageId: string, body: string) => {
    for (let receive = 1; ; receive++) {
      let error = '';
      try {
        const result = (await options.invoke(name, {
          Records: [
            {
              messageId,
              receiptHandle: messageId,
              body,
              attributes: { ApproximateReceiveCount: String(receive) },
              messageAttributes: {},
              eventSource: 'aws:sqs',
              eventSourceARN: `arn:aws:sqs:eu-west-1:000000000000:${queue}`,
              awsRegion: 'eu-west-1',
            },
          ],
        })) as { batchItemFailures?: { itemIdentifier: string }[] } | undefined;
        if (!result?.batchItemFailures?.some((f) => f.itemIdentifier === messageId)) {
          delivered.push({ queue, messageId, consumer: name });
          return;
        }
        error = 'reported as failed';
      } catch (e) {
        error = (e as Error).message;
      }
      if (receive >= max) {
        deadLetters.push({ queue, messageId, error, body });
        logger.error('queue message dead-lettered', { queue, consumer: name, messageId });
        return;
      }
      await new Promise((r) => setTimeout(r, delay * 2 ** (receive - 1)));
    }
  };

  const send = (queue: string, body: string) => {
    const messageId = randomUUID();
    for (const [name] of options.specs.filter(([, f]) => f.trigger.kind === 'queue' && f.trigger.queue === queue)) {
      const p = deliver(name, queue, messageId, body);
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
    return messageId;
  };

  return {
    deadLetters,
    delivered,
    send,
    /**
     * Moves the queue's dead letters back to it, as SQS's DLQ redrive (StartMessageMoveTask) does: each is
     * delivered again with a fresh receive count. Returns how many were moved.
     */
    redrive(queue: string) {
      const moving = deadLetters.filter((d) => d.queue === queue);
      for (const d of moving) deadLetters.splice(deadLetters.indexOf(d), 1);
      for (const d of moving) send(queue, d.body);
      return moving.length;
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
export type LocalQueues = ReturnType<typeof localQueues>;
