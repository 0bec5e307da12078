import { directoryStore, eventPublisher, now } from '../../shared/adapters/runtime.ts';
import { transitionPlp } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './transition-plp.fn.ts';

const deps = { store: directoryStore(), publish: eventPublisher(), now };

export const handler = httpHandler(spec.trigger, async ({ params, body, caller }) =>
  ok(await transitionPlp(params.plpId, body, caller, deps)),
);
