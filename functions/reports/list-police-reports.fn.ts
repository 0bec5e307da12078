import { http } from '../../shared/http/trigger.ts';
import { PoliceReports, PoliceReportsQuery } from '../../shared/reports/model.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/reports/list-police-reports.handler.ts',
  description: 'An officer lists the reports of the PLPs they are mandated for',
  trigger: http({
    method: 'GET',
    path: '/police/reports',
    auth: 'jwt',
    groups: ['police'],
    summary: 'Reports of my PLPs, newest first',
    query: PoliceReportsQuery,
    responses: {
      200: { description: 'Reports of my PLPs', schema: PoliceReports },
      404: { description: 'plpId unknown or not one of my PLPs' },
    },
  }),
  access: { table: 'read' },
});
