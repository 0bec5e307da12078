import type { FunctionSpec } from '../functions/spec.ts';
import { queueUrlVariable } from '../shared/env.ts';
import { DEFAULT_SMS_MONTHLY_BUDGET_EUR, DEFAULT_SMS_PRICE_PER_SEGMENT_EUR } from '../shared/messaging/sms-budget.ts';

/** The resources and settings of one stage, as the functions see them (names, ARNs, URLs; CDK tokens in AWS). */
export type StageResources = {
  stage: string;
  logLevel: string;
  /** Origin of the member pages: links are `<url>/me#token=…`, `<url>/join#enrolment=…`. */
  publicBaseUrl: string;
  /** Per-client-address limits on the anonymous routes (off only for load and black-box tests). */
  clientLimits: boolean;
  /**
   * The official languages of the deployment's area (both fr and nl for Brussels): a message to someone whose
   * language is not known (an SMS from an unknown number) is sent in each of them.
   */
  languages: readonly string[];
  tableName: string;
  eventBusName: string;
  queueUrl: (queueName: string) => string;
  pepperSecretArn: string;
  smsSenderId?: string;
  /**
   * What one SMS part costs, in euros, charged to PLP budgets (context `smsPricePerSegmentEur`), and the
   * monthly budget of a PLP that sets none (context `smsDefaultMonthlyBudgetEur`); the defaults of
   * shared/messaging/sms-budget.ts when left out (the local runtime).
   */
  smsPricePerSegmentEur?: number;
  smsDefaultMonthlyBudgetEur?: number;
  email: { configurationSetName: string; from?: string };
};

/**
 * The environment of one function, derived from its spec: the stage's settings for every function, and one
 * variable per resource its `access` declares. The CDK app sets exactly this on the Lambda function, and the
 * local runtime runs the function's worker with exactly this (plus the variables Lambda itself provides), so
 * a handler that reads a variable its spec does not grant fails at cold start in both.
 */
export function functionEnvironment(spec: FunctionSpec, r: StageResources): Record<string, string> {
  const { access } = spec;
  const env: Record<string, string> = {
    POWERTOOLS_SERVICE_NAME: 'plp-alert',
    POWERTOOLS_METRICS_NAMESPACE: 'PlpAlert',
    LOG_LEVEL: r.logLevel,
    STAGE: r.stage,
    PUBLIC_BASE_URL: r.publicBaseUrl,
    CLIENT_LIMITS: r.clientLimits ? 'on' : 'off',
    LANGUAGES: r.languages.join(','),
    // Stack traces point at the TypeScript sources (the bundle ships its source map).
    NODE_OPTIONS: '--enable-source-maps',
  };
  if (access.table) {
    env.TABLE_NAME = r.tableName;
    // What the grant allows, for the few adapters that write only when they may (runtime.ts directoryStore).
    env.TABLE_ACCESS = access.table;
  }
  if (access.publishes?.length) env.EVENT_BUS_NAME = r.eventBusName;
  for (const queue of access.sendsTo ?? []) env[queueUrlVariable(queue)] = r.queueUrl(queue);
  if (access.pepper) env.MEMBER_PEPPER_SECRET_ARN = r.pepperSecretArn;
  if (access.sms) {
    if (r.smsSenderId) env.SMS_SENDER_ID = r.smsSenderId;
    // Only functions that send SMS charge them to PLP budgets (shared/adapters/runtime.ts smsBudget).
    env.SMS_PRICE_PER_SEGMENT_EUR = String(r.smsPricePerSegmentEur ?? DEFAULT_SMS_PRICE_PER_SEGMENT_EUR);
    env.SMS_DEFAULT_MONTHLY_BUDGET_EUR = String(r.smsDefaultMonthlyBudgetEur ?? DEFAULT_SMS_MONTHLY_BUDGET_EUR);
  }
  if (access.email) {
    env.EMAIL_CONFIGURATION_SET = r.email.configurationSetName;
    if (r.email.from) env.EMAIL_FROM = r.email.from;
  }
  return env;
}
