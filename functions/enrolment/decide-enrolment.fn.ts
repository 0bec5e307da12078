import * as z from '../../shared/zod.ts';
import { MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { Ulid } from '../../shared/directory/model.ts';
import { DecisionInput, EnrolmentIdParams } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/decide-enrolment.handler.ts',
  description: 'The coordinator approves (activation, welcome) or rejects an enrolment',
  trigger: http({
    method: 'POST',
    path: '/coordinator/enrolments/{enrolmentId}/decision',
    auth: 'jwt',
    groups: ['coordinator'],
    summary: 'Approve or reject an enrolment',
    params: EnrolmentIdParams,
    body: DecisionInput,
    responses: {
      200: {
        description: 'Decided',
        schema: z.object({ enrolmentId: Ulid, status: z.enum(['active', 'rejected']) }),
      },
      404: { description: 'Unknown, or not in your PLPs' },
      409: { description: 'Not awaiting approval' },
    },
  }),
  access: { table: 'readWrite', publishes: [MemberActivated], sms: true, email: true, pepper: true },
});
