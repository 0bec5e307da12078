import { CoordinatorMembersQuery } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/list-members.handler.ts',
  description: 'Members of one of the coordinator’s PLPs, a page at a time',
  trigger: http({
    method: 'GET',
    path: '/coordinator/members',
    auth: 'jwt',
    groups: ['coordinator'],
    summary: 'Members of my PLP',
    query: CoordinatorMembersQuery,
    responses: { 200: { description: 'A page of members' }, 404: { description: 'Not your PLP' } },
  }),
  access: { table: 'read' },
});
