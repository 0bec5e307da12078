import { MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/send-welcome.handler.ts',
  description: 'Sends the welcome message with a personal member link when a member is activated',
  // Through a queue, not straight from the bus: a welcome that keeps failing waits in the queue's DLQ and is
  // redriven once the provider is back (docs/operations.md), instead of being lost after the bus's retries.
  trigger: { kind: 'queue', queue: 'welcomes', fedBy: MemberActivated, batchSize: 10 },
  access: { table: 'readWrite', sms: true, email: true, pepper: true },
});
