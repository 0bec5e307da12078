import { CoordinatorEnrolmentsQuery } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/list-enrolments.handler.ts',
  description: 'Enrolments awaiting approval in the coordinator’s PLPs',
  trigger: http({
    method: 'GET',
    path: '/coordinator/enrolments',
    auth: 'jwt',
    groups: ['coordinator'],
    summary: 'Enrolments waiting for my approval',
    query: CoordinatorEnrolmentsQuery,
    responses: { 200: { description: 'Enrolments awaiting approval' } },
  }),
  access: { table: 'read' },
});
