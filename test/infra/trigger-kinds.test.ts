import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineEvent } from '../../events/define-event.ts';
import type { FunctionSpec } from '../../functions/manifest.ts';
import { buildApp } from '../../infra/app.ts';

/**
 * The manifest does not use every trigger kind and grant yet. This file builds the app from a manifest that
 * does (queue producer and consumer, schedule, inbound SMS, outbound SMS and e-mail without a sender
 * domain), to show that such entries need no infra change and pass cdk-nag.
 */
type Resource = { Type: string; Properties: Record<string, any> };

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const entry = 'test/infra/fixtures/noop.handler.ts';
const AlertIssued = defineEvent({
  source: 'plp.alerting',
  detailType: 'AlertIssued',
  version: 1,
  data: z.object({ alertId: z.string() }),
});
const functions: [string, FunctionSpec][] = [
  [
    'fanOutAlert',
    {
      entry,
      description: 'event consumer, queue producer',
      trigger: { kind: 'event', event: AlertIssued },
      access: { table: 'read', sendsTo: ['alert-deliveries'] },
    },
  ],
  [
    'deliverAlert',
    {
      entry,
      description: 'queue consumer, SMS and e-mail',
      trigger: { kind: 'queue', queue: 'alert-deliveries', batchSize: 5 },
      timeoutSeconds: 30,
      access: { table: 'readWrite', sms: true, email: true },
    },
  ],
  [
    'purgeExpired',
    {
      entry,
      description: 'schedule',
      trigger: { kind: 'schedule', name: 'nightly-purge', expression: 'cron(0 3 * * ? *)' },
      access: { table: 'readWrite' },
    },
  ],
  [
    'receiveSmsReply',
    {
      entry,
      description: 'inbound SMS',
      trigger: { kind: 'sms-inbound' },
      access: { table: 'readWrite', publishes: [AlertIssued] },
    },
  ],
];

let outdir: string;
let stacks: ReturnType<typeof buildApp>;
let resources: Record<string, Resource>;

beforeAll(() => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-infra-triggers-'));
  const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  stacks = buildApp(app, {
    stage: 'kinds',
    region: 'eu-west-1',
    functions,
    smsSenderId: 'PLPAlert',
    publicBaseUrl: 'https://plp.example.be/',
  });
  // Throws if cdk-nag reports a finding nobody acknowledged.
  const assembly = app.synth();
  resources = Template.fromJSON(assembly.getStackArtifact(stacks.app.artifactId).template).toJSON().Resources;
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const idOf = (name: string) => stacks.app.getLogicalId(stacks.app.functions.get(name)!.node.defaultChild as CfnElement);
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const variables = (name: string) => resources[idOf(name)]!.Properties.Environment.Variables as Record<string, unknown>;

describe('trigger kinds the manifest may use', () => {
  it('creates one queue per queue name, with a DLQ after 5 receives and a visibility of 6 × the timeout', () => {
    const queues = ofType('AWS::SQS::Queue').filter(([, q]) => q.Properties.RedrivePolicy);
    expect(queues).toHaveLength(1);
    const [queueId, queue] = queues[0]!;
    expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
    expect(queue.Properties.VisibilityTimeout).toBe(180);
    expect(variables('fanOutAlert').QUEUE_URL_ALERT_DELIVERIES).toEqual({ Ref: queueId });

    const [, mapping] = ofType('AWS::Lambda::EventSourceMapping')[0]!;
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: idOf('deliverAlert') },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('runs a schedule trigger from a rule with its expression, retries and a DLQ', () => {
    const rules = ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.ScheduleExpression);
    expect(rules).toHaveLength(1);
    const rule = rules[0]![1].Properties;
    expect(rule.ScheduleExpression).toBe('cron(0 3 * * ? *)');
    expect(rule.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [idOf('purgeExpired'), 'Arn'] });
    expect(rule.Targets[0].DeadLetterConfig).toBeDefined();
  });

  it('subscribes the inbound SMS function to the inbound SMS topic', () => {
    const subscriptions = ofType('AWS::SNS::Subscription');
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]![1].Properties).toMatchObject({
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [idOf('receiveSmsReply'), 'Arn'] },
    });
  });

  it('keeps the failures of every asynchronously invoked function in a DLQ watched by an alarm', () => {
    const configs = ofType('AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties.FunctionName.Ref);
    expect(configs.sort()).toEqual([idOf('fanOutAlert'), idOf('purgeExpired'), idOf('receiveSmsReply')].sort());
    const alarmed = ofType('AWS::CloudWatch::Alarm')
      .filter(([, a]) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map(([, a]) => a.Properties.Dimensions[0].Value['Fn::GetAtt'][0]);
    const deadLetterQueues = ofType('AWS::SQS::Queue')
      .filter(([, q]) => !q.Properties.RedrivePolicy)
      .map(([id]) => id);
    expect(deadLetterQueues).toHaveLength(4);
    expect(alarmed.sort()).toEqual(deadLetterQueues.sort());
  });

  it('gives SMS and e-mail rights and variables only to the function that declares them', () => {
    expect(variables('deliverAlert').EMAIL_CONFIGURATION_SET).toBeDefined();
    expect(variables('fanOutAlert').EMAIL_CONFIGURATION_SET).toBeUndefined();
    expect(variables('deliverAlert').SMS_SENDER_ID).toBe('PLPAlert');
    expect(variables('fanOutAlert').SMS_SENDER_ID).toBeUndefined();
    const policyOf = (name: string) => {
      const roleId = resources[idOf(name)]!.Properties.Role['Fn::GetAtt'][0];
      return JSON.stringify(
        ofType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`)),
      );
    };
    expect(policyOf('deliverAlert')).toContain('sns:Publish');
    expect(policyOf('deliverAlert')).toContain('ses:SendEmail');
    expect(policyOf('fanOutAlert')).not.toContain('sns:Publish');
    expect(policyOf('fanOutAlert')).toContain('sqs:SendMessage');
    expect(policyOf('deliverAlert')).not.toContain('sqs:SendMessage');
  });

  it('gives every function the publicBaseUrl of the context as PUBLIC_BASE_URL, without trailing slash', () => {
    for (const [name] of functions) expect(variables(name).PUBLIC_BASE_URL).toBe('https://plp.example.be');
  });
});
