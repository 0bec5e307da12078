import { Plp, PlpIdParams } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/get-plp.handler.ts',
  description: 'A PLP with its life-cycle history, for its administrators',
  trigger: http({
    method: 'GET',
    path: '/admin/plps/{plpId}',
    auth: 'jwt',
    groups: ['region_admin', 'commune_admin'],
    summary: 'Read a PLP and its history',
    params: PlpIdParams,
    responses: {
      200: { description: 'The PLP', schema: Plp },
      404: { description: 'Unknown or outside your communes' },
    },
  }),
  access: { table: 'read' },
});
