import { directoryStore, eventPublisher, now } from '../../shared/adapters/runtime.ts';
import { createPlp } from '../../shared/directory/use-cases.ts';
import { created, httpHandler } from '../../shared/http/handler.ts';
import spec from './create-plp.fn.ts';

const deps = { store: directoryStore(), publish: eventPublisher(), now };

export const handler = httpHandler(spec.trigger, async ({ body, caller }) => {
  const plp = await createPlp(body, caller, deps);
  return created({ plpId: plp.plpId, status: plp.status });
});
