import type { EventContract } from '../events/define-event.ts';
import type { HttpTrigger } from '../shared/http/trigger.ts';

/**
 * What one function is: its handler file, its trigger and what it may touch. Each function has its spec in
 * `<verb-noun>.fn.ts` beside its `<verb-noun>.handler.ts`; the handler imports only its own spec, and
 * functions/index.ts lists every spec for the CDK app, the local runtime, the OpenAPI document and the tests.
 */
export type EventTrigger = { kind: 'event'; event: EventContract };
export type QueueTrigger = {
  kind: 'queue';
  queue: string;
  batchSize?: number;
  /**
   * Events of this contract are routed to the queue by a bus rule (EventBridge → SQS), and the function
   * reads them from there: SQS retries a failure, then keeps it in the queue's DLQ, from which it can be
   * redriven (docs/operations.md). For consumers whose lost work a person would miss (a welcome).
   */
  fedBy?: EventContract;
};
export type ScheduleTrigger = { kind: 'schedule'; name: string; expression: string };
export type SmsInboundTrigger = { kind: 'sms-inbound' };
export type Trigger = HttpTrigger | EventTrigger | QueueTrigger | ScheduleTrigger | SmsInboundTrigger;

/**
 * Everything a function may touch. The CDK app turns it into IAM statements and environment variables
 * (infra/environment.ts); the local runtime gives the function the same variables and refuses the rest.
 */
export type Access = {
  table?: 'read' | 'readWrite';
  /** Events it publishes (PutEvents on the bus, limited to these sources and detail-types). */
  publishes?: EventContract[];
  /** Queues it sends to. */
  sendsTo?: string[];
  /** Outbound SMS through SNS. */
  sms?: boolean;
  /** E-mail through SES v2. */
  email?: boolean;
  /** Reads the HMAC key of codes, member tokens and contact keys (Secrets Manager). */
  pepper?: boolean;
};

export type FunctionSpec<T extends Trigger = Trigger> = {
  /** Handler file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  trigger: T;
  access: Access;
  memoryMb?: number;
  timeoutSeconds?: number;
};

/** Types a spec and keeps its literal trigger type, so the handler gets typed params, query and body. */
export const defineFunction = <const T extends Trigger>(spec: FunctionSpec<T>) => spec;
