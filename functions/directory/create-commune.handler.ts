import { directoryStore, now } from '../../shared/adapters/runtime.ts';
import { createCommune } from '../../shared/directory/use-cases.ts';
import { created, httpHandler } from '../../shared/http/handler.ts';
import spec from './create-commune.fn.ts';

const deps = { store: directoryStore(), now };

export const handler = httpHandler(spec.trigger, async ({ body, caller }) =>
  created(await createCommune(body, caller, deps)),
);
