import { CreateCommuneInput } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/create-commune.handler.ts',
  description: 'A region administrator registers a commune',
  trigger: http({
    method: 'POST',
    path: '/admin/communes',
    auth: 'jwt',
    groups: ['region_admin'],
    summary: 'Register a commune',
    body: CreateCommuneInput,
    responses: { 201: { description: 'Created' }, 409: { description: 'The commune exists already' } },
  }),
  access: { table: 'readWrite' },
});
