import { MemberLeft } from '../../events/enrolment/enrolment-events.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/erase-me.handler.ts',
  description: 'A member is erased: contact data deleted at once',
  trigger: http({
    method: 'DELETE',
    path: '/public/me',
    auth: 'member',
    summary: 'Leave and erase my data',
    responses: { 204: { description: 'Erased' }, 401: { description: 'Invalid member link' } },
  }),
  access: { table: 'readWrite', publishes: [MemberLeft], pepper: true },
});
