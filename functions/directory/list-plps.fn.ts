import { AdminPlpsQuery, PlpPage } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/list-plps.handler.ts',
  description: 'PLPs of a commune the caller administers, newest first, a page at a time',
  trigger: http({
    method: 'GET',
    path: '/admin/plps',
    auth: 'jwt',
    groups: ['region_admin', 'commune_admin'],
    summary: 'List the PLPs of one of my communes, newest first, optionally in one status; nextToken continues',
    query: AdminPlpsQuery,
    responses: {
      200: { description: 'A page of PLPs; nextToken when more follow', schema: PlpPage },
      400: { description: 'No or a bad communeNis, status, limit or nextToken' },
      404: { description: 'Unknown commune or outside your communes' },
    },
  }),
  access: { table: 'read' },
});
