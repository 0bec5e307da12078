import { realpathSync } from 'node:fs';
import { App, Tags, Validations } from 'aws-cdk-lib';
// cdk-nag is CommonJS: Node's ESM loader exposes its exports reliably only as the default export.
import cdkNag from 'cdk-nag';
import { type FunctionSpec, functionEntries } from '../functions/manifest.ts';
import { AppStack } from './stacks/app-stack.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StageConfigError, stageOptions } from './stage-config.ts';

export type BuildOptions = {
  stage: string;
  region: string;
  /** Undefined synthesises an environment-agnostic account (no credentials needed). */
  account?: string;
  senderDomain?: string;
  logLevel?: string;
  /** Alphanumeric SMS sender id (where the destination country allows one). */
  smsSenderId?: string;
  /** Origin of the member pages (PUBLIC_BASE_URL); the HTTP API's endpoint by default. */
  publicBaseUrl?: string;
  /** Per-client-address limits on the anonymous routes; on unless context clientLimits=off. */
  clientLimits?: boolean;
  /** Official languages of the deployment's area (context `languages=fr,nl`). */
  languages?: readonly string[];
  /** What one SMS part costs in euros, charged to PLP budgets (shared/messaging/sms-budget.ts has the default). */
  smsPricePerSegmentEur?: number;
  /** The monthly SMS budget of a PLP that sets none, in euros (shared/messaging/sms-budget.ts has the default). */
  smsDefaultMonthlyBudgetEur?: number;
  /** The account's SNS monthly SMS spend limit, whole USD (infra/constructs/sms-spend.ts has the default). */
  smsMonthlySpendLimitUsd?: number;
  /** The functions to build; the manifest's by default (tests pass others to cover every trigger kind). */
  functions?: ReadonlyArray<readonly [string, FunctionSpec]>;
};

/**
 * Both stacks of one stage, checked by cdk-nag (AwsSolutions) at synthesis: an unacknowledged error fails
 * `cdk synth` and `app.synth()`. Shared by `cdk` (below) and the infra tests.
 */
export function buildApp(app: App, options: BuildOptions) {
  const { stage, region, account } = options;
  const env = { account, region };
  const stateful = new StatefulStack(app, `plp-${stage}-stateful`, {
    env,
    stage,
    senderDomain: options.senderDomain,
    smsMonthlySpendLimitUsd: options.smsMonthlySpendLimitUsd,
    description: `PLP Alert ${stage}: table, event bus, user pool, SMS topic, SES configuration, member pepper (retained)`,
    terminationProtection: stage === 'prod',
  });
  const appStack = new AppStack(app, `plp-${stage}-app`, {
    env,
    stage,
    stateful,
    functions: options.functions ?? functionEntries(),
    logLevel: options.logLevel,
    smsSenderId: options.smsSenderId,
    publicBaseUrl: options.publicBaseUrl,
    clientLimits: options.clientLimits,
    languages: options.languages,
    smsPricePerSegmentEur: options.smsPricePerSegmentEur,
    smsDefaultMonthlyBudgetEur: options.smsDefaultMonthlyBudgetEur,
    description: `PLP Alert ${stage}: functions, HTTP API, rules, queues, alarms`,
  });
  for (const stack of [stateful, appStack]) {
    Tags.of(stack).add('app', 'plp-alert');
    Tags.of(stack).add('stage', stage);
  }
  Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app));
  return { stateful, app: appStack };
}

/** Run by `cdk` (cdk.json: node --import tsx infra/app.ts); imported by tests, which build their own App. */
const isMain = !!process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename;

if (isMain) {
  const app = new App();
  let options: BuildOptions;
  try {
    options = stageOptions((key) => app.node.tryGetContext(key) || undefined, {
      region: process.env.CDK_DEFAULT_REGION,
      account: process.env.CDK_DEFAULT_ACCOUNT,
    });
  } catch (error) {
    if (!(error instanceof StageConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  buildApp(app, options);
  app.synth();
}
