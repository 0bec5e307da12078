import { MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { sendWelcome } from '../../shared/enrolment/members.ts';
import { eventHandler } from '../../shared/handlers/event-handler.ts';

const deps = enrolmentDeps();

export const handler = eventHandler(MemberActivated, ({ data }) => sendWelcome(data, deps));
