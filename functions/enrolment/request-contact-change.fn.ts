import * as z from '../../shared/zod.ts';
import { ChangeContactInput } from '../../shared/enrolment/contact-input.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/request-contact-change.handler.ts',
  description: 'A member asks to change their phone number or e-mail address; a code goes to the new one',
  trigger: http({
    method: 'POST',
    path: '/public/me/contacts',
    auth: 'member',
    summary: 'Change my phone number or e-mail address (a code goes to the new one)',
    body: ChangeContactInput,
    responses: {
      202: { description: 'Code sent', schema: z.object({ status: z.literal('pending_confirmation') }) },
      400: { description: 'Invalid, unchanged, or a number that cannot take SMS' },
      401: { description: 'Invalid member link' },
      429: { description: 'Too many codes to this contact or from this address' },
    },
  }),
  access: { table: 'readWrite', sms: true, email: true, pepper: true },
});
