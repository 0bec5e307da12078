import { directoryStore } from '../../shared/adapters/runtime.ts';
import { getPlpForAdmin } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = { store: directoryStore() };

export const handler = httpHandler(functions.getPlp.trigger, async ({ params, caller }) =>
  ok(await getPlpForAdmin(params.plpId, caller, deps)),
);
