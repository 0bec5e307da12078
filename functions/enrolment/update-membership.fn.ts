import * as z from '../../shared/zod.ts';
import { PlpIdParams, Ulid } from '../../shared/directory/model.ts';
import { EnrolmentAddress, UpdateMembershipInput } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/update-membership.handler.ts',
  description: 'A member corrects the address held for one of their PLPs',
  trigger: http({
    method: 'PATCH',
    path: '/public/me/plps/{plpId}',
    auth: 'member',
    summary: 'Correct my address in one PLP',
    params: PlpIdParams,
    body: UpdateMembershipInput,
    responses: {
      200: {
        description: 'The corrected membership',
        schema: z.object({ plpId: Ulid, plpName: z.string().check(z.maxLength(120)), address: EnrolmentAddress }),
      },
      400: { description: 'Invalid, or outside the zone of this PLP' },
      401: { description: 'Invalid member link' },
      404: { description: 'Not a member of this PLP' },
    },
  }),
  access: { table: 'readWrite', pepper: true },
});
