import * as z from '../../shared/zod.ts';
import { MemberLinkInput } from '../../shared/enrolment/model.ts';
import { http } from '../../shared/http/trigger.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/enrolment/request-member-link.handler.ts',
  description: 'Asks for a personal member link again: queued at once, the same answer for any contact',
  trigger: http({
    method: 'POST',
    path: '/public/member-links',
    auth: 'public',
    summary: 'Send my personal member link again',
    body: MemberLinkInput,
    responses: {
      202: { description: 'Sent if the contact belongs to a member', schema: z.object({}) },
      429: {
        description: 'Too many requests from this address (the per-contact limit answers 202 and sends nothing)',
      },
    },
  }),
  // The link itself is sent by sendMemberLink, from the member-links queue.
  access: { table: 'readWrite', pepper: true, sendsTo: ['member-links'] },
});
