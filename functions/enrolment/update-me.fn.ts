import { MeView, UpdateMeInput } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/update-me.handler.ts',
  description: 'A member changes language or channels',
  trigger: http({
    method: 'PATCH',
    path: '/public/me',
    auth: 'member',
    summary: 'Change my language or channels',
    body: UpdateMeInput,
    responses: {
      200: { description: 'The updated member', schema: MeView },
      401: { description: 'Invalid member link' },
    },
  }),
  access: { table: 'readWrite', pepper: true },
});
