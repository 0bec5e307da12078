import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

export const handler = httpHandler(functions.health.trigger, async () => ok({ status: 'ok' }));
