import { directoryStore, eventPublisher, now } from '../../shared/adapters/runtime.ts';
import { createCommune } from '../../shared/directory/use-cases.ts';
import { created, httpHandler } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = { store: directoryStore(), publish: eventPublisher(), now };

export const handler = httpHandler(functions.createCommune.trigger, async ({ body, caller }) =>
  created(await createCommune(body, caller, deps)),
);
