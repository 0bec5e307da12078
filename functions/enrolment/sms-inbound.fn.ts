import { EnrolmentRequested, MemberLeft } from '../../events/enrolment/enrolment-events.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/sms-inbound.handler.ts',
  description: 'SMS to the shortcode: JOIN, STOP, HELP in four languages',
  trigger: { kind: 'sms-inbound' },
  access: { table: 'readWrite', publishes: [EnrolmentRequested, MemberLeft], sms: true, pepper: true },
});
