import { directoryStore, eventPublisher, now } from '../../shared/adapters/runtime.ts';
import { transitionPlp } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = { store: directoryStore(), publish: eventPublisher(), now };

export const handler = httpHandler(functions.transitionPlp.trigger, async ({ params, body, caller }) =>
  ok(await transitionPlp(params.plpId, body, caller, deps)),
);
