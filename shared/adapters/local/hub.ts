import type { EventPublisher } from '../../../events/define-event.ts';
import type { SmsSender } from '../../messaging/ports.ts';

/**
 * In-process adapters of the local runtime, for the services that have no real local server (event bus,
 * queues, schedules, SMS). The local runtime fills this hub before it loads any handler; in AWS it stays
 * empty and shared/adapters/runtime.ts picks the AWS adapters. Same ports either way.
 */
export type LocalHub = { publish?: EventPublisher; sms?: SmsSender };
export const localHub: LocalHub = {};
