import { http } from '../../shared/http/trigger.ts';
import { MyReports } from '../../shared/reports/model.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/reports/list-my-reports.handler.ts',
  description: "A member lists their own reports and the police's feedback",
  trigger: http({
    method: 'GET',
    path: '/public/me/reports',
    auth: 'member',
    summary: 'My reports, newest first',
    responses: { 200: { description: 'My reports', schema: MyReports }, 401: { description: 'Invalid member link' } },
  }),
  access: { table: 'read', pepper: true },
});
