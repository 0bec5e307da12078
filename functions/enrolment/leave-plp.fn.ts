import { MemberLeft } from '../../events/enrolment/enrolment-events.ts';
import { PlpIdParams } from '../../shared/directory/model.ts';
import { MeView } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/leave-plp.handler.ts',
  description: 'A member leaves one of their PLPs from their member page',
  trigger: http({
    method: 'DELETE',
    path: '/public/me/plps/{plpId}',
    auth: 'member',
    summary: 'Leave one PLP (and stay in the others)',
    params: PlpIdParams,
    responses: {
      200: { description: 'The member after leaving', schema: MeView },
      401: { description: 'Invalid member link' },
      404: { description: 'Not a member of this PLP' },
    },
  }),
  access: { table: 'readWrite', publishes: [MemberLeft], sms: true, email: true, pepper: true },
});
