import * as z from '../../shared/zod.ts';
import { EnrolmentConfirmed, MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { ConfirmInput, EnrolmentIdParams } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/confirm-enrolment.handler.ts',
  description: 'The resident confirms with the code; activation or wait for the coordinator',
  trigger: http({
    method: 'POST',
    path: '/public/enrolments/{enrolmentId}/confirm',
    auth: 'public',
    summary: 'Confirm an enrolment with its code (SMS enrolments also give name and address)',
    params: EnrolmentIdParams,
    body: ConfirmInput,
    responses: {
      200: {
        description: 'Confirmed',
        schema: z.object({ status: z.enum(['pending_approval', 'active']) }),
      },
      400: { description: 'Wrong or expired code, missing details' },
      404: { description: 'Unknown enrolment' },
      409: { description: 'Locked after 5 wrong codes, or already confirmed' },
    },
  }),
  access: { table: 'readWrite', publishes: [EnrolmentConfirmed, MemberActivated], pepper: true },
});
