import { PlpStatusChanged } from '../../events/directory/plp-status-changed.ts';
import { Plp, PlpIdParams, TransitionInput } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/transition-plp.handler.ts',
  description: 'Moves a PLP along its life cycle',
  trigger: http({
    method: 'POST',
    path: '/admin/plps/{plpId}/transitions',
    auth: 'jwt',
    groups: ['region_admin', 'commune_admin'],
    summary: 'Change the life-cycle status of a PLP',
    params: PlpIdParams,
    body: TransitionInput,
    responses: {
      200: { description: 'The PLP in its new status', schema: Plp },
      404: { description: 'Unknown or outside your communes' },
      409: { description: 'Not allowed from the current status' },
    },
  }),
  access: { table: 'readWrite', publishes: [PlpStatusChanged] },
});
