import * as z from '../../shared/zod.ts';
import { EnrolmentRequested } from '../../events/enrolment/enrolment-events.ts';
import { Ulid } from '../../shared/directory/scalars.ts';
import { EnrolmentInput } from '../../shared/enrolment/contact-input.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/request-enrolment.handler.ts',
  description: 'A resident asks to join a PLP; a confirmation code goes to their phone or e-mail',
  trigger: http({
    method: 'POST',
    path: '/public/enrolments',
    auth: 'public',
    summary: 'Enrol in a PLP (double opt-in)',
    body: EnrolmentInput,
    responses: {
      202: {
        description: 'A code was sent (SMS when a phone is given, else e-mail)',
        schema: z.object({ enrolmentId: Ulid, status: z.literal('pending_confirmation') }),
      },
      400: { description: 'Invalid body, outside the zone, PLP not launched, number not allowed' },
      429: { description: 'Too many codes to this contact or from this address' },
    },
  }),
  access: { table: 'readWrite', publishes: [EnrolmentRequested], sms: true, email: true, pepper: true },
});
