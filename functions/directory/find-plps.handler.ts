import { directoryStore } from '../../shared/adapters/runtime.ts';
import { findLaunchedPlps } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './find-plps.fn.ts';

const deps = { store: directoryStore() };

export const handler = httpHandler(spec.trigger, async ({ query }) =>
  ok({ items: await findLaunchedPlps(query.postcode, deps) }),
);
