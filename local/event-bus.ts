import { randomUUID } from 'node:crypto';
import { buildDetail, type EventContract, type EventPublisher } from '../events/define-event.ts';
import type { FunctionSpec } from '../functions/spec.ts';
import { logger } from '../shared/powertools.ts';
import type { Invoke } from './functions.ts';

export type BusRecord = { id: string; source: string; detailType: string; detail: unknown; time: string };

/**
 * The in-process stand-in for the EventBridge bus. `put` takes a detail already validated by the publisher
 * (the function's worker validates it like the EventBridge adapter) and delivers it asynchronously to every
 * function whose trigger names that contract, with EventBridge's envelope; a failing consumer is retried
 * (3 attempts) and then kept as dead-lettered. Events a queue is fed by (a queue trigger's `fedBy`) go to that
 * queue, envelope as body, as a bus rule with an SQS target does.
 */
export function localEventBus(options: {
  invoke: Invoke;
  specs: ReadonlyArray<readonly [string, FunctionSpec]>;
  /** Sends a message to a local queue (localQueues' send); required when a queue is fed by events. */
  toQueue?: (queue: string, body: string) => void;
  retries?: number;
  retryDelayMs?: number;
}) {
  const { invoke } = options;
  const retries = options.retries ?? 3;
  const delay = options.retryDelayMs ?? 100;
  const log: BusRecord[] = [];
  const deadLetters: { record: BusRecord; consumer: string; error: string }[] = [];
  const pending = new Set<Promise<void>>();

  /** Whether an event contract is the one of this source and detail-type (a bus rule's pattern). */
  const is = (contract: EventContract | undefined, source: string, detailType: string) =>
    contract?.source === source && contract.detailType === detailType;

  const consumersOf = (source: string, detailType: string) =>
    options.specs.filter(([, f]) => f.trigger.kind === 'event' && is(f.trigger.event, source, detailType));

  const queuesFedBy = (source: string, detailType: string) => [
    ...new Set(
      options.specs.flatMap(([, f]) =>
        f.trigger.kind === 'queue' && is(f.trigger.fedBy, source, detailType) ? [f.trigger.queue] : [],
      ),
    ),
  ];

  const envelopeOf = (record: BusRecord) => ({
    version: '0',
    id: record.id,
    'detail-type': record.detailType,
    source: record.source,
    account: '000000000000',
    time: record.time,
    region: 'local',
    resources: [],
    detail: record.detail,
  });

  const deliver = async (name: string, record: BusRecord) => {
    const envelope = envelopeOf(record);
    for (let attempt = 1; ; attempt++) {
      try {
        await invoke(name, envelope);
        return;
      } catch (error) {
        if (attempt >= retries) {
          deadLetters.push({ record, consumer: name, error: (error as Error).message });
          logger.error('event dead-lettered', { consumer: name, detailType: record.detailType, eventId: record.id });
          return;
        }
        await new Promise((r) => setTimeout(r, delay * 2 ** (attempt - 1)));
      }
    }
  };

  const put = (source: string, detailType: string, detail: unknown) => {
    const record: BusRecord = { id: randomUUID(), source, detailType, detail, time: new Date().toISOString() };
    log.push(record);
    for (const queue of queuesFedBy(source, detailType)) {
      if (!options.toQueue) throw new Error(`${detailType} feeds queue ${queue}, but the bus has no queues`);
      options.toQueue(queue, JSON.stringify(envelopeOf(record)));
    }
    for (const [name] of consumersOf(record.source, record.detailType)) {
      const p = new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(name, record));
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
  };

  /** For the runtime's own use (demo seed): validates, then puts. */
  const publish: EventPublisher = async (contract, data, opts) =>
    put(contract.source, contract.detailType, buildDetail(contract, data, opts));

  /** Resolves when every delivery in flight (and any it caused) has finished. */
  const drain = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };

  return { put, publish, drain, pending: () => pending.size, log, deadLetters };
}
export type LocalEventBus = ReturnType<typeof localEventBus>;
