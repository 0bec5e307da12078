import * as z from '../shared/zod.ts';

/**
 * One event contract: source, detail-type, version and the zod schema of its `data`. `defineEvent` gives
 * the detail schema (metadata envelope + data), the whole EventBridge event schema, the CDK rule pattern
 * and a JSON Schema for documentation. Changes are additive; a breaking change is a new version.
 */
export const Metadata = z.object({
  version: z.number().check(z.int(), z.positive()),
  /** Same key ⇒ same fact: consumers use it to ignore redeliveries. */
  idempotencyKey: z.string().check(z.minLength(1), z.maxLength(256)),
  correlationId: z.string().check(z.minLength(1), z.maxLength(256)),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type Metadata = z.infer<typeof Metadata>;

export type EventContract<D extends z.core.$ZodType = z.core.$ZodType> = {
  source: `plp.${string}`;
  detailType: string;
  version: number;
  data: D;
  detail: z.ZodMiniObject<{ metadata: typeof Metadata; data: D }>;
  /** The whole EventBridge event as a consumer receives it. */
  schema: z.ZodMiniObject<{
    source: z.ZodMiniLiteral<string>;
    'detail-type': z.ZodMiniLiteral<string>;
    detail: EventContract<D>['detail'];
  }>;
  /** For `new events.Rule(…, { eventPattern })`. */
  pattern: { source: string[]; detailType: string[] };
};

export type EventDetail<E extends EventContract> = z.infer<E['detail']>;
export type EventData<E extends EventContract> = z.infer<E['data']>;

export function defineEvent<D extends z.core.$ZodType>(spec: {
  source: `plp.${string}`;
  detailType: string;
  version: number;
  data: D;
}): EventContract<D> {
  const detail = z.object({
    metadata: Metadata.check(z.refine((m) => m.version === spec.version, `version must be ${spec.version}`)),
    data: spec.data,
  }) as unknown as EventContract<D>['detail'];
  const schema = z.object({
    source: z.literal(spec.source as string),
    'detail-type': z.literal(spec.detailType),
    detail,
  });
  return {
    ...spec,
    detail,
    schema,
    pattern: { source: [spec.source], detailType: [spec.detailType] },
  };
}

export type PublishOptions = { idempotencyKey: string; correlationId?: string; occurredAt?: string };

/** Port: publishes one event after validating it against its contract; fails if the bus rejects it. */
export type EventPublisher = <E extends EventContract>(
  contract: E,
  data: EventData<E>,
  options: PublishOptions,
) => Promise<void>;

/** Builds and validates the detail of an event; throws (a programming error) if it breaks its contract. */
export function buildDetail<E extends EventContract>(contract: E, data: EventData<E>, options: PublishOptions) {
  return z.parse(contract.detail, {
    metadata: {
      version: contract.version,
      idempotencyKey: options.idempotencyKey,
      correlationId: options.correlationId ?? options.idempotencyKey,
      occurredAt: options.occurredAt ?? new Date().toISOString(),
    },
    data,
  }) as EventDetail<E>;
}
