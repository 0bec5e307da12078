import { directoryStore } from '../../shared/adapters/runtime.ts';
import { findLaunchedPlps } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = { store: directoryStore() };

export const handler = httpHandler(functions.findPlps.trigger, async ({ query }) =>
  ok({ items: await findLaunchedPlps(query.postcode, deps) }),
);
