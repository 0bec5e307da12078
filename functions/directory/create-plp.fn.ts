import * as z from '../../shared/zod.ts';
import { PlpStatusChanged } from '../../events/directory/plp-status-changed.ts';
import { CreatePlpInput, Ulid } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/create-plp.handler.ts',
  description: 'A commune or region administrator creates a PLP in preparation',
  trigger: http({
    method: 'POST',
    path: '/admin/plps',
    auth: 'jwt',
    groups: ['region_admin', 'commune_admin'],
    summary: 'Create a PLP',
    body: CreatePlpInput,
    responses: {
      201: { description: 'Created', schema: z.object({ plpId: Ulid, status: z.literal('preparation') }) },
      409: { description: 'The PLP code is taken' },
    },
  }),
  access: { table: 'readWrite', publishes: [PlpStatusChanged] },
});
