import { MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/send-welcome.handler.ts',
  description: 'Sends the welcome message with a personal member link when a member is activated',
  trigger: { kind: 'event', event: MemberActivated },
  access: { table: 'readWrite', sms: true, email: true, pepper: true },
});
