import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/export-me.handler.ts',
  description: 'GDPR access: all data held about the member',
  trigger: http({
    method: 'GET',
    path: '/public/me/export',
    auth: 'member',
    summary: 'Export my data',
    responses: { 200: { description: 'All data held about me' }, 401: { description: 'Invalid member link' } },
  }),
  access: { table: 'read', pepper: true },
});
