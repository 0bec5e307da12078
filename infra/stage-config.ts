/**
 * The stage settings `cdk synth` / `cdk deploy` read from context (cdk.json, `-c key=value`), checked
 * before anything is built: a stage that residents use needs an e-mail sender and the origin of its member
 * pages, so a deployable stage without them fails the synthesis with a message naming what is missing,
 * instead of deploying stacks whose e-mails all fail and whose links point at no page.
 *
 * The one exception is the `local` stage (cdk.json's default): the configuration `npm run synth` and a fresh
 * clone check offline, with no domain to name. It is never deployed for residents; `npm start` runs the local
 * stage without CDK.
 */
import type { BuildOptions } from './app.ts';

/** The stage synthesised when no `-c stage=…` is given; exempt from the checks below. */
export const LOCAL_STAGE = 'local';

/** Context keys every stage but the local one must set, and why (shown when one is missing). */
export const REQUIRED_CONTEXT = {
  senderDomain: 'the SES domain e-mails are sent from (codes, welcomes, member links); without it every e-mail fails',
  publicBaseUrl:
    'the https origin of the member pages (links in messages are <publicBaseUrl>/me#token=…); without it links point at the bare API',
} as const;

export class StageConfigError extends Error {
  override name = 'StageConfigError';
}

/**
 * A context amount (`smsPricePerSegmentEur=0.08`): undefined when unset, else a number ≥ 0; anything else
 * stops the synthesis rather than deploying a price or budget of NaN.
 */
function amount(context: (key: string) => string | undefined, key: string): number | undefined {
  const value = context(key)?.trim();
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new StageConfigError(`-c ${key}=${value}: give an amount ≥ 0, e.g. 0.08`);
  return n;
}

/**
 * Build options from context. `context(key)` answers the context value, undefined when unset or empty;
 * `defaults` supplies what does not come from context (region and account of the CLI's environment).
 * Throws StageConfigError when a stage other than the local one lacks a required setting.
 */
export function stageOptions(
  context: (key: string) => string | undefined,
  defaults: { region?: string; account?: string } = {},
): BuildOptions {
  const stage = context('stage') ?? LOCAL_STAGE;
  if (stage !== LOCAL_STAGE) {
    const missing = (Object.keys(REQUIRED_CONTEXT) as (keyof typeof REQUIRED_CONTEXT)[]).filter(
      (key) => !context(key)?.trim(),
    );
    if (missing.length > 0) {
      throw new StageConfigError(
        [
          `Stage "${stage}" is missing ${missing.map((k) => `-c ${k}=…`).join(' and ')}:`,
          ...missing.map((k) => `  ${k}: ${REQUIRED_CONTEXT[k]}`),
          `Give ${missing.length > 1 ? 'them' : 'it'} on the command line, e.g. npx cdk deploy --all -c stage=${stage} ` +
            '-c senderDomain=alert.example.be -c publicBaseUrl=https://alert.example.be',
          `(only the "${LOCAL_STAGE}" stage, the offline check of npm run synth, may leave them out).`,
        ].join('\n'),
      );
    }
  }
  return {
    stage,
    region: context('region') ?? defaults.region ?? 'eu-west-1',
    account: defaults.account,
    senderDomain: context('senderDomain'),
    logLevel: context('logLevel'),
    smsSenderId: context('smsSenderId'),
    publicBaseUrl: context('publicBaseUrl'),
    clientLimits: context('clientLimits') !== 'off',
    smsPricePerSegmentEur: amount(context, 'smsPricePerSegmentEur'),
    smsDefaultMonthlyBudgetEur: amount(context, 'smsDefaultMonthlyBudgetEur'),
    smsMonthlySpendLimitUsd: amount(context, 'smsMonthlySpendLimitUsd'),
    languages: context('languages')
      ?.split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}
