import { AdminCommunesQuery, CommunePage } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/list-communes.handler.ts',
  description: 'The communes the caller administers, in NIS order, a page at a time',
  trigger: http({
    method: 'GET',
    path: '/admin/communes',
    auth: 'jwt',
    groups: ['region_admin', 'commune_admin'],
    summary: 'List the communes I administer (region admin: all), in NIS order; nextToken continues',
    query: AdminCommunesQuery,
    responses: {
      200: { description: 'A page of communes; nextToken when more follow', schema: CommunePage },
      400: { description: 'A bad limit or nextToken' },
    },
  }),
  access: { table: 'read' },
});
