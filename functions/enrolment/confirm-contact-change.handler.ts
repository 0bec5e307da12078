import { directoryReader, memberPepper, memberStore, now, onceStore } from '../../shared/adapters/runtime.ts';
import { confirmContactChange } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './confirm-contact-change.fn.ts';

const deps = { members: memberStore(), once: onceStore(), directory: directoryReader(), pepper: memberPepper(), now };

export const handler = httpHandler(spec.trigger, async ({ memberToken, body }) =>
  ok(await confirmContactChange(memberToken, body.code, deps)),
);
