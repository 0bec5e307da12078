import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/platform/openapi.handler.ts',
  description: 'The OpenAPI 3.1 document of the API, generated from the zod schemas',
  trigger: http({
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    summary: 'OpenAPI document',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  }),
  access: {},
});
