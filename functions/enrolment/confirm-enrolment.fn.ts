import * as z from '../../shared/zod.ts';
import { EnrolmentConfirmed, MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { ConfirmInput, EnrolmentIdParams } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/confirm-enrolment.handler.ts',
  description: 'The resident confirms a contact with its code; activation or wait for the coordinator',
  trigger: http({
    method: 'POST',
    path: '/public/enrolments/{enrolmentId}/confirm',
    auth: 'public',
    summary: 'Confirm an enrolment with its code (SMS enrolments also give name and address)',
    params: EnrolmentIdParams,
    body: ConfirmInput,
    responses: {
      200: {
        description:
          'The contact of this code is confirmed. The enrolment moves on with its primary contact (the phone when a code was texted to it); `contacts` says where each contact given stands',
        schema: z.object({
          status: z.enum(['pending_confirmation', 'pending_approval', 'active']),
          contacts: z.object({
            phone: z.optional(z.enum(['confirmed', 'pending'])),
            email: z.optional(z.enum(['confirmed', 'pending'])),
          }),
        }),
      },
      400: { description: 'Wrong or expired code, missing details' },
      404: { description: 'Unknown enrolment' },
      409: { description: 'Locked after 5 wrong codes, or already confirmed' },
    },
  }),
  access: { table: 'readWrite', publishes: [EnrolmentConfirmed, MemberActivated], pepper: true },
});
