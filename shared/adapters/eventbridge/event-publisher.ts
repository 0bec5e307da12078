import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { buildDetail, type EventPublisher } from '../../../events/define-event.ts';

export class EventRejectedError extends Error {
  override name = 'EventRejectedError';
}

/** EventPublisher on EventBridge: validates against the contract, then PutEvents; a rejected entry throws. */
export function eventBridgePublisher(client: EventBridgeClient, busName: string): EventPublisher {
  return async (contract, data, options) => {
    const detail = buildDetail(contract, data, options);
    const res = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: busName,
            Source: contract.source,
            DetailType: contract.detailType,
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    if ((res.FailedEntryCount ?? 0) > 0) {
      const entry = res.Entries?.[0];
      throw new EventRejectedError(
        `${contract.detailType} rejected: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`,
      );
    }
  };
}
