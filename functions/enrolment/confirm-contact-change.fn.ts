import { ConfirmContactInput, MeView } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/confirm-contact-change.handler.ts',
  description: 'The member confirms the new contact with its code',
  trigger: http({
    method: 'POST',
    path: '/public/me/contacts/confirm',
    auth: 'member',
    summary: 'Confirm my new phone number or e-mail address',
    body: ConfirmContactInput,
    responses: {
      200: { description: 'The member with the new contact', schema: MeView },
      400: { description: 'Wrong or expired code' },
      401: { description: 'Invalid member link' },
      409: { description: 'No change pending, or the contact belongs to another membership' },
    },
  }),
  access: { table: 'readWrite', pepper: true },
});
