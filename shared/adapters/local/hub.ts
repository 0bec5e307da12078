import type { EventPublisher } from '../../../events/define-event.ts';
import type { SmsSender } from '../../messaging/ports.ts';

/** A secret by its ARN (Secrets Manager in AWS). */
export type SecretReader = { get(secretArn: string): Promise<string> };
/** SendMessage to a queue by its URL (SQS in AWS); not the QueueSender port, which the adapter builds on it. */
export type QueueHub = { send(queueUrl: string, body: string): Promise<void> };

/**
 * In-process adapters of the local runtime, for the services that have no real local server (event bus,
 * queues, SMS, secrets). The local runtime fills this hub in each function's worker before it loads the
 * handler, with adapters that ask the runtime, which refuses what the function's spec does not declare (as
 * IAM would). In AWS it stays empty and shared/adapters/runtime.ts picks the AWS adapters. Same ports.
 */
export type LocalHub = { publish?: EventPublisher; sms?: SmsSender; secrets?: SecretReader; queues?: QueueHub };
export const localHub: LocalHub = {};
