import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** The account's monthly SMS spend limit when context `smsMonthlySpendLimitUsd` gives none. */
export const DEFAULT_SMS_MONTHLY_SPEND_LIMIT_USD = 100;
/** The spend alarm goes off at this share of the limit, while SMS still go out. */
export const SMS_SPEND_ALARM_FRACTION = 0.8;

/** Context `smsMonthlySpendLimitUsd`: a whole number of US dollars ≥ 1 (SNS takes whole dollars). */
export function checkSmsSpendLimit(value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`smsMonthlySpendLimitUsd must be a whole number of US dollars ≥ 1; got ${value}`);
  return value;
}

export type SmsSpendProps = { stage: string; monthlySpendLimitUsd: number };

/**
 * The account's ceiling on SMS spend, and an alarm before it is reached. The app sends SMS with SNS Publish to
 * phone numbers (shared/adapters/sns), so the ceiling that applies is SNS's `MonthlySpendLimit` SMS attribute
 * (SetSMSAttributes): once the month's SNS SMS spend reaches it, SNS stops sending SMS until the next month.
 * End User Messaging SMS's own spend-limit override (SetTextMessageSpendLimitOverride) governs its
 * SendTextMessage API, which the app does not call. CloudFormation has no resource for SMS attributes, so a
 * custom resource sets it on create and update; it is account- and region-wide, and kept when the stack is
 * deleted (lifting a cap is a decision, not a side effect of a teardown).
 *
 * The PLP budgets (shared/messaging/sms-budget.ts) cap what each PLP may send outside red alerts and codes;
 * this limit caps everything, red alerts included, so it must leave room for them (docs/deploy.md).
 */
export class SmsSpend extends Construct {
  readonly alarm: Alarm;
  readonly limit: AwsCustomResource;

  constructor(scope: Construct, id: string, props: SmsSpendProps) {
    super(scope, id);
    const limitUsd = checkSmsSpendLimit(props.monthlySpendLimitUsd);
    const setLimit: AwsSdkCall = {
      service: 'SNS',
      action: 'setSMSAttributes',
      parameters: { attributes: { MonthlySpendLimit: String(limitUsd) } },
      // One setting per account and region: the id names it, so a new value is an update, not a replacement.
      physicalResourceId: PhysicalResourceId.of(`sms-monthly-spend-limit-${Stack.of(this).region}`),
    };
    this.limit = new AwsCustomResource(this, 'MonthlySpendLimit', {
      resourceType: 'Custom::SmsMonthlySpendLimit',
      onCreate: setLimit,
      onUpdate: setLimit,
      // SetSMSAttributes has no resource-level permission: the action alone, on "*" (acknowledged below).
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
    });
    // The provider function and its role are a stack-wide singleton that CDK creates; the findings are on them.
    const provider = Stack.of(this).node.tryFindChild(
      `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replaceAll('-', '')}`,
    );
    for (const construct of [this.limit, ...(provider ? [provider] : [])]) {
      Validations.of(construct).acknowledge(
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'sns:SetSMSAttributes has no resource-level permission; it is the only action this role may call',
        },
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            "CDK's AwsCustomResource provider (a singleton it creates) uses the basic execution role to write its own logs; it runs only on deploy",
        },
      );
    }

    // SNS publishes the month's spend so far (USD, no dimension) for the account and region.
    const spent = new Metric({
      namespace: 'AWS/SNS',
      metricName: 'SMSMonthToDateSpentUSD',
      statistic: 'Maximum',
      period: Duration.hours(1),
    });
    this.alarm = spent.createAlarm(this, 'Alarm', {
      alarmName: `plp-${props.stage}-sms-spend`,
      alarmDescription:
        `SMS spend this month has reached ${SMS_SPEND_ALARM_FRACTION * 100} % of the account's limit ` +
        `(${limitUsd} USD): at the limit SNS stops sending every SMS, red alerts included (docs/deploy.md)`,
      threshold: limitUsd * SMS_SPEND_ALARM_FRACTION,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
