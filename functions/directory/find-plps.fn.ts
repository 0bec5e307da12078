import * as z from '../../shared/zod.ts';
import { PostcodeQuery, PublicPlp } from '../../shared/directory/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/find-plps.handler.ts',
  description: 'Launched PLPs whose zone includes a postcode',
  trigger: http({
    method: 'GET',
    path: '/public/plps',
    auth: 'public',
    summary: 'Find the launched PLPs of a postcode',
    query: PostcodeQuery,
    responses: { 200: { description: 'Matching PLPs', schema: z.object({ items: z.array(PublicPlp) }) } },
  }),
  access: { table: 'read' },
});
