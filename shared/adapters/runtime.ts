import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventPublisher } from '../../events/define-event.ts';
import type { AuditStore } from '../audit/ports.ts';
import type { DirectoryStore } from '../directory/ports.ts';
import type { EnrolmentStore, LimitStore, MemberStore, OnceStore } from '../enrolment/ports.ts';
import type { ReportStore } from '../reports/ports.ts';
import { queueUrlVariable, readEnv } from '../env.ts';
import { Language } from '../i18n/languages.ts';
import * as z from '../zod.ts';
import type { EmailSender, QueueSender, SmsSender } from '../messaging/ports.ts';
import type { SmsBudget } from '../messaging/sms-budget.ts';
import { logSmsSkipped } from './cloudwatch/sms-skipped.ts';
import { describeTable, documentClient } from './dynamodb/client.ts';
import { type DirectoryReader, dynamoDirectoryReader, dynamoDirectoryStore } from './dynamodb/directory-store.ts';
import {
  dynamoEnrolmentStore,
  dynamoLimitStore,
  dynamoMemberStore,
  dynamoOnceStore,
} from './dynamodb/enrolment-store.ts';
import { dynamoAuditStore } from './dynamodb/audit-store.ts';
import { dynamoReportStore } from './dynamodb/report-store.ts';
import { dynamoSmsBudgetStore } from './dynamodb/sms-budget-store.ts';
import { eventBridgePublisher } from './eventbridge/event-publisher.ts';
import { localHub } from './local/hub.ts';
import { cachedSecret } from './secretsmanager/secret.ts';
import { sesEmailSender } from './sesv2/email-sender.ts';
import { snsSmsSender } from './sns/sms-sender.ts';
import { sqsQueueSender } from './sqs/queue-sender.ts';

/**
 * The adapter factories of the handlers, in one place. A handler calls the ones its use case needs, once,
 * at module scope: each reads the environment variables its binding sets (infra/environment.ts) and fails
 * the cold start when one is missing, in AWS and in the local runtime alike. Endpoints of local servers
 * come from the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables; the bus, SMS and secrets use the local
 * hub when the local runtime has filled it (there is no local server for them).
 */

let doc: DynamoDBDocumentClient | undefined;
/** One document client per container, shared by every store of the function. */
const table = (): [DynamoDBDocumentClient, string] => {
  const { TABLE_NAME } = readEnv(['TABLE_NAME']);
  doc ??= documentClient();
  return [doc, TABLE_NAME];
};

/** The directory's reads only (PLPs, a caller's assignments), for functions that do not administer it. */
export const directoryReader = (): DirectoryReader => dynamoDirectoryReader(...table());

/**
 * A function granted only `read` on the table (TABLE_ACCESS, infra/environment.ts) gets a store without
 * bindAssignments: it honours a caller's verified e-mail assignments without binding them, so a read-only
 * route never fails for want of a write grant (the binding happens on a route that writes).
 */
export const directoryStore = (): DirectoryStore => {
  const store = dynamoDirectoryStore(...table());
  if (process.env.TABLE_ACCESS === 'readWrite') return store;
  const { bindAssignments: _cannotWrite, ...readOnly } = store;
  return readOnly;
};
export const enrolmentStore = (): EnrolmentStore => dynamoEnrolmentStore(...table());
export const memberStore = (): MemberStore => dynamoMemberStore(...table());
export const limitStore = (): LimitStore => dynamoLimitStore(...table());
export const onceStore = (): OnceStore => dynamoOnceStore(...table());
export const reportStore = (): ReportStore => dynamoReportStore(...table());
export const auditStore = (): AuditStore => dynamoAuditStore(...table());

/** The readiness check: DescribeTable of the stage's table (fails when the table does not answer). */
export const tableProbe = (): (() => Promise<void>) => {
  const [client, tableName] = table();
  return async () => {
    await describeTable(client, tableName);
  };
};

/** PutEvents on the stage's bus (the local bus under `npm start`). */
export const eventPublisher = (): EventPublisher => {
  const { EVENT_BUS_NAME } = readEnv(['EVENT_BUS_NAME']);
  return localHub.publish ?? eventBridgePublisher(new EventBridgeClient({}), EVENT_BUS_NAME);
};

/** An amount in euros from the environment: a number ≥ 0, or the cold start fails. */
const euros = (name: string, value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`${name} must be an amount in euros ≥ 0`);
  return n;
};

/**
 * The PLPs' monthly SMS budgets (shared/messaging/sms-budget.ts): the counters on the stage's table, the price
 * of one SMS part and the budget of a PLP without its own, which the stage gives functions that send SMS
 * (infra/environment.ts); SMS not sent for the budget are logged and counted (SmsSkippedOverBudget).
 */
export const smsBudget = (): SmsBudget => {
  const env = readEnv(['SMS_PRICE_PER_SEGMENT_EUR', 'SMS_DEFAULT_MONTHLY_BUDGET_EUR']);
  return {
    store: dynamoSmsBudgetStore(...table()),
    pricePerSegmentEur: euros('SMS_PRICE_PER_SEGMENT_EUR', env.SMS_PRICE_PER_SEGMENT_EUR),
    defaultMonthlyBudgetEur: euros('SMS_DEFAULT_MONTHLY_BUDGET_EUR', env.SMS_DEFAULT_MONTHLY_BUDGET_EUR),
    skipped: (charge) => logSmsSkipped(charge),
  };
};

/** SNS in AWS (sender id from SMS_SENDER_ID); the local SMS outbox under `npm start`. */
export const smsSender = (): SmsSender =>
  localHub.sms ?? snsSmsSender(new SNSClient({}), { senderId: process.env.SMS_SENDER_ID || undefined });

/**
 * SES v2 with the stage's configuration set. The sender address (EMAIL_FROM, set from the stage's sender
 * domain) is read at the first send, so a stage deployed without a sender domain still starts (and logs a
 * clear error when it tries to mail).
 */
export const emailSender = (): EmailSender => {
  let sender: EmailSender | undefined;
  return {
    send: (m) =>
      (sender ??= sesEmailSender(new SESv2Client({}), {
        from: readEnv(['EMAIL_FROM']).EMAIL_FROM,
        configurationSet: process.env.EMAIL_CONFIGURATION_SET || undefined,
      })).send(m),
  };
};

/** SendMessageBatch to a queue of the function's spec (`access.sendsTo`); the local queues under `npm start`. */
export const queueSender = <T>(queue: string): QueueSender<T> => {
  const variable = queueUrlVariable(queue);
  const url = readEnv([variable])[variable] as string;
  const local = localHub.queues;
  if (!local) return sqsQueueSender<T>(new SQSClient({}), url);
  return {
    async send(messages) {
      for (const m of messages) await local.send(url, JSON.stringify(m));
    },
  };
};

/**
 * The HMAC key of codes, member tokens and contact keys: the Secrets Manager secret named by
 * MEMBER_PEPPER_SECRET_ARN, read once per container; the local runtime's secret store under `npm start`.
 */
export const memberPepper = (): (() => Promise<string>) => {
  const { MEMBER_PEPPER_SECRET_ARN: arn } = readEnv(['MEMBER_PEPPER_SECRET_ARN']);
  const local = localHub.secrets;
  return local ? () => local.get(arn) : cachedSecret(new SecretsManagerClient({}), arn);
};

/** Settings of the stage, the same for every function (infra/environment.ts). */
export const stageSettings = () => {
  const env = readEnv(['PUBLIC_BASE_URL', 'CLIENT_LIMITS', 'LANGUAGES']);
  return {
    /** The official languages of the deployment's area, for whoever's language is not known. */
    languages: z.parse(z.array(Language).check(z.minLength(1)), env.LANGUAGES.split(',')),
    /** Where member pages live: links are `${publicBaseUrl}/me#token=…`. */
    publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, ''),
    /** Per-client-address limits on the anonymous routes ('off' only for local load and black-box tests). */
    clientLimits: env.CLIENT_LIMITS !== 'off',
  };
};

export const now = () => new Date();
