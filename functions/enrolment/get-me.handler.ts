import { directoryReader, memberPepper, memberStore } from '../../shared/adapters/runtime.ts';
import { getMe } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './get-me.fn.ts';

const deps = { members: memberStore(), directory: directoryReader(), pepper: memberPepper() };

export const handler = httpHandler(spec.trigger, async ({ memberToken }) => ok(await getMe(memberToken, deps)));
