import { directoryStore } from '../../shared/adapters/runtime.ts';
import { listAdministeredPlps } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './list-plps.fn.ts';

const deps = { store: directoryStore() };

export const handler = httpHandler(spec.trigger, async ({ query, caller }) =>
  ok(await listAdministeredPlps(query, caller, deps)),
);
