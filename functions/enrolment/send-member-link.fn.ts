import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/send-member-link.handler.ts',
  description: 'Sends a personal member link asked for at POST /public/member-links, if the contact is a member’s',
  trigger: { kind: 'queue', queue: 'member-links', batchSize: 10 },
  access: { table: 'readWrite', sms: true, email: true, pepper: true },
});
