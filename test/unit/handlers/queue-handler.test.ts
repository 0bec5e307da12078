import type { Context, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { queueHandler } from '../../../shared/handlers/queue-handler.ts';
import * as z from '../../../shared/zod.ts';

const context = { functionName: 'f', awsRequestId: 'r' } as Context;
const event = (...bodies: string[]): SQSEvent =>
  ({ Records: bodies.map((body, i) => ({ messageId: `m${i}`, body })) }) as SQSEvent;

describe('queueHandler', () => {
  it('hands each parsed message to the use case and reports only the failed ones for retry', async () => {
    const seen: string[] = [];
    const handler = queueHandler(z.object({ contact: z.string() }), async ({ contact }) => {
      seen.push(contact);
      if (contact === 'fails') throw new Error('provider down');
    });
    const result = await handler(event('{"contact":"a"}', '{"contact":"fails"}', '{"contact":"b"}'), context);
    expect(seen).toEqual(['a', 'fails', 'b']);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
  });

  it('drops a message that does not parse (a retry cannot fix it) without failing the batch', async () => {
    const seen: unknown[] = [];
    const handler = queueHandler(z.object({ contact: z.string() }), async (m) => void seen.push(m));
    const result = await handler(event('not json', '{"other":1}', '{"contact":"c"}'), context);
    expect(seen).toEqual([{ contact: 'c' }]);
    expect(result).toEqual({ batchItemFailures: [] });
  });
});
