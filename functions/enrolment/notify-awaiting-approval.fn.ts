import { EnrolmentConfirmed } from '../../events/enrolment/enrolment-events.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/notify-awaiting-approval.handler.ts',
  description: 'Tells a resident whose confirmed enrolment waits for the coordinator, by the contact they confirmed',
  trigger: { kind: 'event', event: EnrolmentConfirmed },
  access: { table: 'readWrite', sms: true, email: true },
});
