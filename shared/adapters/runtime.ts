import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from '../../events/define-event.ts';
import type { DirectoryStore } from '../directory/ports.ts';
import { readEnv } from '../env.ts';
import { documentClient } from './dynamodb/client.ts';
import { dynamoDirectoryStore } from './dynamodb/directory-store.ts';
import { eventBridgePublisher } from './eventbridge/event-publisher.ts';
import { localHub } from './local/hub.ts';

/**
 * Adapter factories for handlers, called once at module scope. Real AWS clients in the cloud; DynamoDB and
 * SES go to their local servers through *_ENDPOINT variables; bus, queues and SMS use the local hub when the
 * local runtime has filled it.
 */
export const directoryStore = (): DirectoryStore =>
  dynamoDirectoryStore(documentClient(), readEnv(['TABLE_NAME']).TABLE_NAME);

export const eventPublisher = (): EventPublisher =>
  localHub.publish ?? eventBridgePublisher(new EventBridgeClient({}), readEnv(['EVENT_BUS_NAME']).EVENT_BUS_NAME);

export const now = () => new Date();
