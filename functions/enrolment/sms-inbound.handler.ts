import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { handleInboundSms } from '../../shared/enrolment/sms-inbound.ts';
import { smsInboundHandler } from '../../shared/handlers/sms-inbound-handler.ts';

const deps = enrolmentDeps();

export const handler = smsInboundHandler((sms) => handleInboundSms(sms, deps));
