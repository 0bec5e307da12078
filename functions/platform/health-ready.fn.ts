import * as z from '../../shared/zod.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/platform/health-ready.handler.ts',
  description: 'Readiness of the API: the table answers',
  trigger: http({
    method: 'GET',
    path: '/health/ready',
    auth: 'public',
    summary: 'Readiness (the table answers)',
    responses: {
      200: { description: 'Ready', schema: z.object({ status: z.literal('ready') }) },
      503: { description: 'The table does not answer; retry after the given seconds' },
    },
  }),
  access: { table: 'read' },
});
