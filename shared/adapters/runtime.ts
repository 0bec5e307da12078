import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { EventPublisher } from '../../events/define-event.ts';
import type { DirectoryStore } from '../directory/ports.ts';
import { readEnv } from '../env.ts';
import { documentClient } from './dynamodb/client.ts';
import { dynamoDirectoryStore } from './dynamodb/directory-store.ts';
import { dynamoEnrolmentStore } from './dynamodb/enrolment-store.ts';
import type { EnrolmentDeps } from '../enrolment/context.ts';
import { eventBridgePublisher } from './eventbridge/event-publisher.ts';
import type { EmailSender, SmsSender } from '../messaging/ports.ts';
import { localHub } from './local/hub.ts';
import { cachedSecret } from './secretsmanager/secret.ts';
import { sesClientFromEnv, sesEmailSender } from './sesv2/email-sender.ts';
import { snsSmsSender } from './sns/sms-sender.ts';

/**
 * Adapter factories for handlers, called once at module scope. Real AWS clients in the cloud; DynamoDB and
 * SES go to their local servers through *_ENDPOINT variables; bus, queues and SMS use the local hub when the
 * local runtime has filled it.
 */
export const directoryStore = (): DirectoryStore =>
  dynamoDirectoryStore(documentClient(), readEnv(['TABLE_NAME']).TABLE_NAME);

export const eventPublisher = (): EventPublisher =>
  localHub.publish ?? eventBridgePublisher(new EventBridgeClient({}), readEnv(['EVENT_BUS_NAME']).EVENT_BUS_NAME);

/** SNS in AWS (sender id from SMS_SENDER_ID); the local SMS outbox under `npm start`. */
export const smsSender = (): SmsSender =>
  localHub.sms ?? snsSmsSender(new SNSClient({}), { senderId: process.env.SMS_SENDER_ID || undefined });

/** SES v2 (aws-ses-v2-local when SES_ENDPOINT is set); EMAIL_FROM is required, set from the sender domain. */
export const emailSender = (): EmailSender =>
  sesEmailSender(sesClientFromEnv(), {
    from: readEnv(['EMAIL_FROM']).EMAIL_FROM,
    configurationSet: process.env.EMAIL_CONFIGURATION_SET || undefined,
  });

export const now = () => new Date();

let pepperFromSecret: (() => Promise<string>) | undefined;
/**
 * The HMAC key of codes, member tokens and contact keys: MEMBER_PEPPER locally, else the Secrets Manager
 * secret named by MEMBER_PEPPER_SECRET_ARN, read once per container.
 */
export const memberPepper = (): Promise<string> => {
  if (process.env.MEMBER_PEPPER) return Promise.resolve(process.env.MEMBER_PEPPER);
  pepperFromSecret ??= cachedSecret(
    new SecretsManagerClient({}),
    readEnv(['MEMBER_PEPPER_SECRET_ARN']).MEMBER_PEPPER_SECRET_ARN,
  );
  return pepperFromSecret();
};

/** Built on first use, so a function without SMS or e-mail access never needs their settings. */
function lazy<T extends object>(make: () => T): T {
  let instance: T | undefined;
  return new Proxy({} as T, { get: (_t, prop) => Reflect.get((instance ??= make()), prop) });
}

/** Everything the enrolment and membership use cases need. */
export const enrolmentDeps = (): EnrolmentDeps => {
  let publisher: EventPublisher | undefined;
  const doc = documentClient();
  const { TABLE_NAME } = readEnv(['TABLE_NAME']);
  return {
    store: dynamoEnrolmentStore(doc, TABLE_NAME),
    directory: dynamoDirectoryStore(doc, TABLE_NAME),
    publish: ((contract, data, options) => (publisher ??= eventPublisher())(contract, data, options)) as EventPublisher,
    sms: lazy(smsSender),
    email: lazy(emailSender),
    now,
    pepper: memberPepper,
    publicBaseUrl: (process.env.PUBLIC_BASE_URL ?? '').replace(/\/$/, ''),
    clientLimits: process.env.PLP_RATE_LIMITS !== 'off',
  };
};
