import { directoryStore } from '../../shared/adapters/runtime.ts';
import { recordPlpHistory } from '../../shared/directory/use-cases.ts';
import { eventHandler } from '../../shared/handlers/event-handler.ts';
import spec from './record-plp-history.fn.ts';

const deps = { store: directoryStore() };

export const handler = eventHandler(spec.trigger.event, async ({ metadata, data }) =>
  recordPlpHistory(
    {
      plpId: data.plpId,
      eventId: `${metadata.occurredAt}#${data.to}`,
      from: data.from,
      to: data.to,
      by: data.by,
      at: metadata.occurredAt,
      charterReference: data.charterReference,
    },
    deps,
  ),
);
