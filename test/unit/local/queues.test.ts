import { describe, expect, it } from 'vitest';
import { MemberActivated } from '../../../events/enrolment/enrolment-events.ts';
import type { FunctionSpec } from '../../../functions/spec.ts';
import { localEventBus } from '../../../local/event-bus.ts';
import { localQueues } from '../../../local/queues.ts';

const welcome: FunctionSpec = {
  entry: 'x.handler.ts',
  description: 'welcome',
  trigger: { kind: 'queue', queue: 'welcomes', fedBy: MemberActivated },
  access: {},
};

/** The MemberActivated of both tests. */
const data = { memberId: 'm1', plpId: 'p1', enrolmentId: 'e1', language: 'fr' as const, channels: ['sms' as const] };

/** A consumer that fails while `down` is set, and records what it handled. */
function consumer() {
  const state = { down: true, handled: [] as unknown[], calls: 0 };
  const invoke = async (_name: string, event: unknown) => {
    state.calls++;
    const record = (event as { Records: { messageId: string; body: string }[] }).Records[0]!;
    if (state.down) return { batchItemFailures: [{ itemIdentifier: record.messageId }] };
    state.handled.push(JSON.parse(record.body));
    return { batchItemFailures: [] };
  };
  return { state, invoke };
}

describe('local queues fed by the bus, with a redrivable DLQ', () => {
  it('routes a fed event to its queue with the EventBridge envelope, dead-letters it after 5 receives, and redrives it', async () => {
    const { state, invoke } = consumer();
    const queues = localQueues({ invoke, specs: [['sendWelcome', welcome]], retryDelayMs: 1 });
    const bus = localEventBus({ invoke, specs: [['sendWelcome', welcome]], toQueue: queues.send });
    await bus.publish(MemberActivated, data, { idempotencyKey: 'member-activated:e1' });
    await bus.drain();
    await queues.drain();

    expect(state.calls).toBe(5);
    expect(queues.deadLetters).toEqual([expect.objectContaining({ queue: 'welcomes', error: 'reported as failed' })]);
    expect(queues.redrive('other')).toBe(0);

    state.down = false;
    expect(queues.redrive('welcomes')).toBe(1);
    await queues.drain();
    expect(queues.deadLetters).toEqual([]);
    expect(state.handled).toEqual([
      expect.objectContaining({ 'detail-type': 'MemberActivated', detail: expect.objectContaining({ data }) }),
    ]);
  });

  it('refuses to drop a fed event when the bus has no queues', async () => {
    const bus = localEventBus({ invoke: async () => undefined, specs: [['sendWelcome', welcome]] });
    await expect(bus.publish(MemberActivated, data, { idempotencyKey: 'k' })).rejects.toThrow(/feeds queue welcomes/);
  });
});
