import { directoryStore } from '../../shared/adapters/runtime.ts';
import { getPlpForAdmin } from '../../shared/directory/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './get-plp.fn.ts';

const deps = { store: directoryStore() };

export const handler = httpHandler(spec.trigger, async ({ params, caller }) =>
  ok(await getPlpForAdmin(params.plpId, caller, deps)),
);
