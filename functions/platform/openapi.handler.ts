import document from '../../docs/openapi.json' with { type: 'json' };
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './openapi.fn.ts';

/** The document written by `npm run openapi` from every spec (kept current by a unit test). */
export const handler = httpHandler(spec.trigger, async () => ok(document));
