import * as z from '../../shared/zod.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/platform/health.handler.ts',
  description: 'Liveness of the API',
  trigger: http({
    method: 'GET',
    path: '/health',
    auth: 'public',
    summary: 'Liveness',
    responses: { 200: { description: 'The API answers', schema: z.object({ status: z.literal('ok') }) } },
  }),
  access: {},
});
