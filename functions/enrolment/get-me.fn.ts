import { MeView } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/get-me.handler.ts',
  description: 'A member reads their own data',
  trigger: http({
    method: 'GET',
    path: '/public/me',
    auth: 'member',
    summary: 'My membership',
    responses: { 200: { description: 'The member', schema: MeView }, 401: { description: 'Invalid member link' } },
  }),
  access: { table: 'read', pepper: true },
});
