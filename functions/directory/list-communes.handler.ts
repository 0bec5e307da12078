import { directoryStore } from '../../shared/adapters/runtime.ts';
import { listAdministeredCommunes } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './list-communes.fn.ts';

const deps = { store: directoryStore() };

export const handler = httpHandler(spec.trigger, async ({ query, caller }) =>
  ok(await listAdministeredCommunes(query, caller, deps)),
);
