import 'aws-sdk-client-mock-vitest/extend';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlpStatusChanged } from '../../../events/directory/plp-status-changed.ts';
import { EventRejectedError, eventBridgePublisher } from '../../../shared/adapters/eventbridge/event-publisher.ts';

const eventBridge = mockClient(EventBridgeClient);
const publish = eventBridgePublisher(new EventBridgeClient({ region: 'eu-west-1' }), 'plp-bus');

const data = {
  plpId: 'plp-1',
  communeNis: '21009',
  from: 'preparation' as const,
  to: 'information_session' as const,
  by: 'sub:admin-1',
};

describe('eventBridgePublisher', () => {
  beforeEach(() => {
    eventBridge.reset();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
  });

  it('sends one entry with source, detail-type, bus and the metadata envelope', async () => {
    await publish(PlpStatusChanged, data, {
      idempotencyKey: 'plp-status:plp-1:1',
      correlationId: 'req-42',
      occurredAt: '2026-03-01T10:00:00.000Z',
    });

    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
    const input = eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input;
    expect(input.Entries).toHaveLength(1);
    const entry = input.Entries![0]!;
    expect(entry).toMatchObject({ Source: 'plp.directory', DetailType: 'PlpStatusChanged', EventBusName: 'plp-bus' });
    expect(JSON.parse(entry.Detail!)).toEqual({
      metadata: {
        version: 1,
        idempotencyKey: 'plp-status:plp-1:1',
        correlationId: 'req-42',
        occurredAt: '2026-03-01T10:00:00.000Z',
      },
      data,
    });
  });

  it('defaults the correlation id to the idempotency key and stamps occurredAt', async () => {
    await publish(PlpStatusChanged, data, { idempotencyKey: 'k-1' });
    const detail = JSON.parse(eventBridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]!.Detail!);
    expect(detail.metadata).toMatchObject({ version: 1, idempotencyKey: 'k-1', correlationId: 'k-1' });
    expect(Number.isNaN(Date.parse(detail.metadata.occurredAt))).toBe(false);
  });

  it('throws EventRejectedError when the bus rejects the entry', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] });
    const sent = publish(PlpStatusChanged, data, { idempotencyKey: 'k-2' });
    await expect(sent).rejects.toThrow(EventRejectedError);
    await expect(sent).rejects.toThrow(/PlpStatusChanged rejected: InternalFailure try again/);
  });

  it('throws and sends nothing when the data breaks the contract', async () => {
    const bad = { ...data, to: 'flying' } as unknown as typeof data;
    await expect(publish(PlpStatusChanged, bad, { idempotencyKey: 'k-3' })).rejects.toMatchObject({
      name: 'ZodError',
    });
    await expect(publish(PlpStatusChanged, data, { idempotencyKey: '' })).rejects.toMatchObject({ name: 'ZodError' });
    expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
  });

  it('propagates a failure of the call itself', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('network down'));
    await expect(publish(PlpStatusChanged, data, { idempotencyKey: 'k-4' })).rejects.toThrow('network down');
  });
});
