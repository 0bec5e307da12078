import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import cdkNag from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { checkSmsSpendLimit, SmsSpend } from '../../infra/constructs/sms-spend.ts';
import { StageConfigError, stageOptions } from '../../infra/stage-config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const outdirs: string[] = [];

/** A stack holding only the construct, checked by cdk-nag as the app is. */
function synthSmsSpend(monthlySpendLimitUsd: number) {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-sms-spend-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: cdkContext });
  const stack = new Stack(app, 'SmsSpendTest', { env: { account: '123456789012', region: 'eu-west-1' } });
  new SmsSpend(stack, 'SmsSpend', { stage: 'test', monthlySpendLimitUsd });
  Validations.of(app).addPlugins(new cdkNag.AwsSolutionsChecks(app));
  const assembly = app.synth();
  const report = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: { violations?: unknown[] }[];
  };
  return { template: Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template), report };
}

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe('SmsSpend: the account’s SMS spend limit and its alarm', () => {
  let template: Template;
  let report: { pluginReports: { violations?: unknown[] }[] };
  beforeAll(() => {
    ({ template, report } = synthSmsSpend(250));
  });

  it('sets SNS’s MonthlySpendLimit SMS attribute to the stage’s limit on create and on update', () => {
    const [resource] = Object.values(template.findResources('Custom::SmsMonthlySpendLimit')) as {
      Properties: Record<string, unknown>;
    }[];
    // A JSON string (a Fn::Join of it where the region is a token).
    const call = (kind: 'Create' | 'Update') => {
      const value = resource!.Properties[kind] as string | { 'Fn::Join': [string, unknown[]] };
      return JSON.parse(typeof value === 'string' ? value : value['Fn::Join'][1].join(''));
    };
    for (const kind of ['Create', 'Update'] as const) {
      expect(call(kind)).toMatchObject({
        service: 'SNS',
        action: 'setSMSAttributes',
        parameters: { attributes: { MonthlySpendLimit: '250' } },
        physicalResourceId: { id: 'sms-monthly-spend-limit-eu-west-1' },
      });
    }
    // Kept on delete: no call lifts the cap when the stack goes.
    expect(resource!.Properties.Delete).toBeUndefined();
  });

  it('lets the custom resource call sns:SetSMSAttributes and nothing else', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown; Effect: string }[] } };
    }[];
    expect(policies.flatMap((p) => p.Properties.PolicyDocument.Statement)).toEqual([
      { Action: 'sns:SetSMSAttributes', Effect: 'Allow', Resource: '*' },
    ]);
  });

  it('alarms at 80 % of the limit on SNS’s month-to-date SMS spend', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'plp-test-sms-spend',
      Namespace: 'AWS/SNS',
      MetricName: 'SMSMonthToDateSpentUSD',
      Statistic: 'Maximum',
      Period: 3600,
      Threshold: 200,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      Dimensions: Match.absent(),
    });
  });

  it('leaves no cdk-nag finding unacknowledged', () => {
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  it('refuses a limit SNS would not take (not whole dollars, or under 1)', () => {
    expect(checkSmsSpendLimit(100)).toBe(100);
    for (const bad of [0, -5, 12.5, Number.NaN])
      expect(() => checkSmsSpendLimit(bad)).toThrow(/smsMonthlySpendLimitUsd/);
  });
});

describe('the stage’s stateful stack', () => {
  it('holds the spend limit (100 USD unless the stage says otherwise) and its alarm at 80 USD', () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-sms-spend-app-'));
    outdirs.push(outdir);
    const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const { stateful } = buildApp(app, { stage: 'test', region: 'eu-west-1', account: '123456789012' });
    const template = Template.fromJSON(app.synth().getStackArtifact(stateful.artifactId).template);
    template.resourceCountIs('Custom::SmsMonthlySpendLimit', 1);
    expect(JSON.stringify(template.findResources('Custom::SmsMonthlySpendLimit'))).toContain(
      '\\"MonthlySpendLimit\\":\\"100\\"',
    );
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'SMSMonthToDateSpentUSD', Threshold: 80 });
  });
});

describe('SMS settings from stage configuration', () => {
  const contextOf = (values: Record<string, string>) => (key: string) => values[key];

  it('reads the price per part, the default PLP budget and the account’s limit from context, and refuses nonsense', () => {
    expect(
      stageOptions(
        contextOf({ smsPricePerSegmentEur: '0.07', smsDefaultMonthlyBudgetEur: '40', smsMonthlySpendLimitUsd: '250' }),
      ),
    ).toMatchObject({ smsPricePerSegmentEur: 0.07, smsDefaultMonthlyBudgetEur: 40, smsMonthlySpendLimitUsd: 250 });
    expect(stageOptions(contextOf({}))).toMatchObject({
      smsPricePerSegmentEur: undefined,
      smsDefaultMonthlyBudgetEur: undefined,
      smsMonthlySpendLimitUsd: undefined,
    });
    for (const bad of ['abc', '-1', 'Infinity'])
      expect(() => stageOptions(contextOf({ smsPricePerSegmentEur: bad }))).toThrow(StageConfigError);
  });

  it('gives the stage’s price and default budget to functions that send SMS only, and its limit to SNS', () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-sms-settings-'));
    outdirs.push(outdir);
    const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
    const stacks = buildApp(app, {
      stage: 'test',
      region: 'eu-west-1',
      account: '123456789012',
      smsPricePerSegmentEur: 0.07,
      smsDefaultMonthlyBudgetEur: 40,
      smsMonthlySpendLimitUsd: 250,
    });
    const assembly = app.synth();
    const appTemplate = assembly.getStackArtifact(stacks.app.artifactId).template as {
      Resources: Record<string, { Type: string; Properties: Record<string, any> }>;
    };
    const variablesOf = (name: string) => {
      const id = stacks.app.getLogicalId(stacks.app.functions.get(name)!.node.defaultChild as CfnElement);
      return appTemplate.Resources[id]!.Properties.Environment.Variables as Record<string, string>;
    };
    for (const name of ['sendWelcome', 'decideEnrolment', 'smsInbound', 'requestEnrolment'])
      expect(variablesOf(name)).toMatchObject({
        SMS_PRICE_PER_SEGMENT_EUR: '0.07',
        SMS_DEFAULT_MONTHLY_BUDGET_EUR: '40',
      });
    for (const name of ['createCommune', 'getMe']) {
      expect(variablesOf(name).SMS_PRICE_PER_SEGMENT_EUR).toBeUndefined();
      expect(variablesOf(name).SMS_DEFAULT_MONTHLY_BUDGET_EUR).toBeUndefined();
    }
    const stateful = Template.fromJSON(assembly.getStackArtifact(stacks.stateful.artifactId).template);
    expect(JSON.stringify(stateful.findResources('Custom::SmsMonthlySpendLimit'))).toContain(
      '\\"MonthlySpendLimit\\":\\"250\\"',
    );
    stateful.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'SMSMonthToDateSpentUSD', Threshold: 200 });
  });
});
