import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './health.fn.ts';

export const handler = httpHandler(spec.trigger, async () => ok({ status: 'ok' }));
