import { directoryReader, memberPepper, memberStore, now, onceStore } from '../../shared/adapters/runtime.ts';
import { updateMe } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './update-me.fn.ts';

const deps = { members: memberStore(), once: onceStore(), directory: directoryReader(), pepper: memberPepper(), now };

export const handler = httpHandler(spec.trigger, async ({ memberToken, body }) =>
  ok(await updateMe(memberToken, body, deps)),
);
