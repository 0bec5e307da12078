import { tableProbe } from '../../shared/adapters/runtime.ts';
import { UnavailableError } from '../../shared/errors.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './health-ready.fn.ts';

const probe = tableProbe();

export const handler = httpHandler(spec.trigger, async () => {
  try {
    await probe();
  } catch (error) {
    throw new UnavailableError('The table does not answer', 5, { cause: error });
  }
  return ok({ status: 'ready' });
});
