import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionEntries, httpFunctions } from '../../functions/manifest.ts';
import { buildApp } from '../../infra/app.ts';
import { auditDeniedActions, tableWriteActions } from '../../infra/constructs/app-function.ts';
import { checkPublicBaseUrl, throttling } from '../../infra/stacks/app-stack.ts';
import { tableDefinition } from '../../shared/table/definition.ts';

type Resource = {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
type Statement = { Effect?: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, any> };

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const entries = functionEntries();
const stage = 'test';
const region = 'eu-central-1';

let outdir: string;
let stacks: ReturnType<typeof buildApp>;
let appTemplate: Template;
let statefulTemplate: Template;
let resources: Record<string, Resource>;
let validationReport: { pluginReports: { violations?: unknown[] }[] };

/** One synthesis for the whole file, cdk-nag included: a finding nobody acknowledged makes it throw. */
beforeAll(() => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-infra-'));
  const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  stacks = buildApp(app, { stage, region, account: '123456789012' });
  const assembly = app.synth();
  appTemplate = Template.fromJSON(assembly.getStackArtifact(stacks.app.artifactId).template);
  statefulTemplate = Template.fromJSON(assembly.getStackArtifact(stacks.stateful.artifactId).template);
  resources = appTemplate.toJSON().Resources;
  validationReport = JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** The Lambda function built for a manifest entry. */
function functionOf(name: string) {
  const fn = stacks.app.functions.get(name);
  if (!fn) throw new Error(`no function for ${name}`);
  const id = logicalId(stacks.app, fn);
  return { id, resource: resources[id] as Resource };
}

/** Every statement of the AWS::IAM::Policy resources attached to the function's role. */
function statementsOf(name: string): Statement[] {
  const roleId = functionOf(name).resource.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) =>
      (r.Properties.Roles as unknown[]).some((ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleId })),
    )
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

const variablesOf = (name: string) =>
  functionOf(name).resource.Properties.Environment.Variables as Record<string, unknown>;

/**
 * The stateful stack's resource behind a weak cross-stack reference of the app stack
 * (`Fn::GetStackOutput` → an output of the stateful stack → `Ref` of its resource).
 */
function statefulRefOf(value: unknown): string | undefined {
  const output = (value as { 'Fn::GetStackOutput'?: { StackName: string; OutputName: string } })?.[
    'Fn::GetStackOutput'
  ];
  if (!output || output.StackName !== stacks.stateful.stackName) return undefined;
  const outputs = statefulTemplate.toJSON().Outputs as Record<string, { Value: { Ref?: string } }>;
  return outputs[output.OutputName]?.Value.Ref;
}

const withPepper = entries.filter(([, s]) => s.access.pepper);
const withoutPepper = entries.filter(([, s]) => !s.access.pepper);

describe('functions', () => {
  it('builds exactly one Lambda function per manifest entry', () => {
    appTemplate.resourceCountIs('AWS::Lambda::Function', entries.length);
  });

  it.each(entries)('%s runs Node.js 24 on arm64 with active tracing', (name) => {
    expect(functionOf(name).resource.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
    });
  });

  it.each(entries)('%s has an alarm on its errors', (name) => {
    appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionOf(name).id } }],
    });
  });
});

describe('HTTP API', () => {
  it.each(httpFunctions())('%s is routed as "METHOD path", with the JWT authorizer iff auth is jwt', (name, spec) => {
    const { method, path: routePath, auth } = spec.trigger;
    const routes = Object.values(resources).filter(
      (r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === `${method} ${routePath}`,
    );
    expect(routes).toHaveLength(1);
    const route = routes[0]!.Properties;
    expect(route.AuthorizationType).toBe(auth === 'jwt' ? 'JWT' : 'NONE');
    expect(route.AuthorizerId !== undefined).toBe(auth === 'jwt');

    const integrationId = route.Target['Fn::Join'][1][1].Ref as string;
    expect(resources[integrationId]?.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [functionOf(name).id, 'Arn'] });
  });

  it('throttles the stage and, tighter, every public route, and counts answers per route', () => {
    const stageResource = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    expect(stageResource.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: throttling.stage.rateLimit,
      ThrottlingBurstLimit: throttling.stage.burstLimit,
      DetailedMetricsEnabled: true,
    });
    const publicRoutes = httpFunctions().filter(([, s]) => s.trigger.auth === 'public');
    expect(publicRoutes.length).toBeGreaterThan(0);
    for (const [, { trigger }] of publicRoutes) {
      const settings = stageResource.Properties.RouteSettings[`${trigger.method} ${trigger.path}`];
      expect(settings.ThrottlingRateLimit).toBeLessThan(throttling.stage.rateLimit);
      expect(settings.ThrottlingBurstLimit).toBeLessThan(throttling.stage.burstLimit);
      expect(settings.DetailedMetricsEnabled).toBe(true);
    }
  });

  it('outputs only values of its own stack (no cross-stack reference in Outputs, cfn-lint E6101)', () => {
    const outputs = appTemplate.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toContain('ApiUrl');
    expect(JSON.stringify(outputs)).not.toContain('Fn::GetStackOutput');
    expect(JSON.stringify(outputs)).not.toContain('Fn::ImportValue');
  });

  it('writes access logs of the stage to a log group kept one month', () => {
    const stageResource = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    const logGroupId = stageResource.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
    expect(stageResource.Properties.AccessLogSettings.Format).toContain('$context.requestId');
  });
});

describe('event consumers', () => {
  const consumers = entries.filter(([, s]) => s.trigger.kind === 'event');

  it.each(consumers)('%s has a rule on the bus with its contract pattern, retries and a DLQ', (name, spec) => {
    if (spec.trigger.kind !== 'event') throw new Error('unreachable');
    const { pattern } = spec.trigger.event;
    const rules = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::Events::Rule' &&
        (r.Properties.Targets as { Arn: unknown }[]).some(
          (t) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [functionOf(name).id, 'Arn'] }),
        ),
    );
    expect(rules).toHaveLength(1);
    const rule = rules[0]!.Properties;
    expect(rule.EventPattern).toEqual({ source: pattern.source, 'detail-type': pattern.detailType });
    expect(rule.EventBusName).toBeDefined();
    expect(rule.Targets[0].RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
    const dlqId = rule.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    expect(resources[dlqId]?.Type).toBe('AWS::SQS::Queue');
    appTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
    });
  });
});

describe('queue-fed consumers', () => {
  const fed = entries.filter(([, s]) => s.trigger.kind === 'queue' && s.trigger.fedBy);

  it('include the welcome, so a welcome that keeps failing waits in a DLQ to be redriven', () => {
    expect(fed.map(([name]) => name)).toContain('sendWelcome');
  });

  it.each(fed)(
    '%s reads a queue fed by a bus rule with its contract pattern; the queue has a redrive DLQ',
    (name, spec) => {
      if (spec.trigger.kind !== 'queue' || !spec.trigger.fedBy) throw new Error('unreachable');
      const { pattern } = spec.trigger.fedBy;
      const mapping = Object.values(resources).find(
        (r) =>
          r.Type === 'AWS::Lambda::EventSourceMapping' &&
          JSON.stringify(r.Properties.FunctionName) === JSON.stringify({ Ref: functionOf(name).id }),
      );
      const queueId = mapping?.Properties.EventSourceArn['Fn::GetAtt'][0] as string;
      expect(mapping?.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      const queue = resources[queueId]!;
      expect(queue.Type).toBe('AWS::SQS::Queue');
      const dlqId = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0] as string;
      expect(resources[dlqId]?.Type).toBe('AWS::SQS::Queue');
      expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
      const rules = Object.values(resources).filter(
        (r) =>
          r.Type === 'AWS::Events::Rule' &&
          (r.Properties.Targets as { Arn: unknown }[]).some(
            (t) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] }),
          ),
      );
      expect(rules).toHaveLength(1);
      expect(rules[0]!.Properties.EventPattern).toEqual({ source: pattern.source, 'detail-type': pattern.detailType });
      // The bus may send to the queue (its resource policy), nothing else is granted by the rule.
      const policy = Object.values(resources).find(
        (r) =>
          r.Type === 'AWS::SQS::QueuePolicy' &&
          JSON.stringify(r.Properties.Queues) === JSON.stringify([{ Ref: queueId }]),
      );
      expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('events.amazonaws.com');
    },
  );
});

describe('grants come only from the manifest', () => {
  it.each(entries)('%s gets DynamoDB actions as its access.table says', (name, spec) => {
    const actions = actionsOf(statementsOf(name));
    const dynamo = actions.filter((a) => a.startsWith('dynamodb:'));
    const writes = dynamo.filter((a) => (tableWriteActions as readonly string[]).includes(a));
    if (!spec.access.table) expect(dynamo).toEqual([]);
    else expect(dynamo).toContain('dynamodb:Query');
    if (spec.access.table === 'readWrite') expect(writes).not.toEqual([]);
    else expect(writes).toEqual([]);
    // No access pattern reads the whole table.
    expect(dynamo).not.toContain('dynamodb:Scan');
    expect(functionOf(name).resource.Properties.Environment.Variables.TABLE_NAME !== undefined).toBe(
      !!spec.access.table,
    );
    // The store binds e-mail assignments only where the grant writes (shared/adapters/runtime.ts).
    expect(functionOf(name).resource.Properties.Environment.Variables.TABLE_ACCESS).toBe(spec.access.table);
  });

  it.each(entries)('%s may never update or delete an audit item (AUDIT#…): trails are append-only', (name, spec) => {
    const statements = statementsOf(name);
    const denies = statements.filter((s) => s.Effect === 'Deny');
    if (spec.access.table !== 'readWrite') {
      // Nothing to deny: it may not write the table at all.
      expect(actionsOf(statements).filter((a) => (tableWriteActions as readonly string[]).includes(a))).toEqual([]);
      return;
    }
    // The allowed writes, on the table; the Deny on the same table, for audit keys only.
    const writes = statements.filter((s) => s.Effect !== 'Deny' && [s.Action].flat().includes('dynamodb:PutItem'));
    expect(writes).toHaveLength(1);
    expect(denies).toEqual([
      expect.objectContaining({
        Action: [...auditDeniedActions].sort(),
        Resource: writes[0]!.Resource,
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
      }),
    ]);
  });

  it.each(entries)('%s may put events only if it publishes, and only its contracts’ sources', (name, spec) => {
    const statements = statementsOf(name).filter((s) => [s.Action].flat().includes('events:PutEvents'));
    const sources = [...new Set((spec.access.publishes ?? []).map((c) => c.source))].sort();
    if (sources.length === 0) expect(statements).toEqual([]);
    else {
      expect(statements).toHaveLength(1);
      expect(statements[0]!.Condition?.['ForAllValues:StringEquals']?.['events:source']).toEqual(sources);
    }
    expect(actionsOf(statementsOf(name)).some((a) => a.startsWith('events:') && a !== 'events:PutEvents')).toBe(false);
  });

  it.each(entries)('%s may send SMS or e-mail only if it says so', (name, spec) => {
    const actions = actionsOf(statementsOf(name));
    expect(actions.includes('sns:Publish')).toBe(!!spec.access.sms);
    expect(actions.includes('ses:SendEmail')).toBe(!!spec.access.email);
  });

  it.each(entries)('%s gets no SNS action but sns:Publish (to phone numbers), and that only with sms', (name, spec) => {
    // Statements with the same resource are merged (minimizePolicies): sns:Publish shares "*" with X-Ray.
    const sns = statementsOf(name).filter((s) => actionsOf([s]).some((a) => a.startsWith('sns:')));
    expect(actionsOf(sns).filter((a) => a.startsWith('sns:'))).toEqual(spec.access.sms ? ['sns:Publish'] : []);
    for (const statement of sns) expect(statement.Resource).toBe('*');
  });
});

describe('member pepper', () => {
  const pepperId = () => logicalId(stacks.stateful, stacks.stateful.memberPepper);

  it('is a generated secret of the stateful stack, 64 characters without punctuation, retained', () => {
    const secrets = statefulTemplate.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toEqual([pepperId()]);
    const secret = secrets[pepperId()] as Resource;
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.UpdateReplacePolicy).toBe('Retain');
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    // Generated by Secrets Manager: the value is never in a template.
    expect(secret.Properties.SecretString).toBeUndefined();
  });

  it('is declared by the enrolment functions that need it, and by no directory or list function', () => {
    const names = withPepper.map(([n]) => n);
    expect(names).toContain('confirmEnrolment');
    expect(names).toContain('smsInbound');
    expect(names).not.toContain('findPlps');
    expect(names).not.toContain('listEnrolments');
    expect(withoutPepper.length).toBeGreaterThan(0);
  });

  it.each(withPepper)('%s reads that one secret (GetSecretValue only) named by MEMBER_PEPPER_SECRET_ARN', (name) => {
    const arn = variablesOf(name).MEMBER_PEPPER_SECRET_ARN;
    expect(statefulRefOf(arn)).toBe(pepperId());
    const statements = statementsOf(name).filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Action: 'secretsmanager:GetSecretValue', Resource: arn });
    expect(statements[0]!.Condition).toBeUndefined();
    // aws/secretsmanager decrypts for the service: no KMS right is needed (nor given).
    expect(actionsOf(statementsOf(name)).filter((a) => a.startsWith('kms:'))).toEqual([]);
  });

  it.each(withoutPepper)('%s neither reads the secret nor knows its ARN', (name) => {
    expect(variablesOf(name).MEMBER_PEPPER_SECRET_ARN).toBeUndefined();
    expect(actionsOf(statementsOf(name)).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });
});

describe('public base URL', () => {
  it.each(entries)('%s gets PUBLIC_BASE_URL, the HTTP API endpoint when no publicBaseUrl is given', (name) => {
    expect(variablesOf(name).PUBLIC_BASE_URL).toEqual({
      'Fn::GetAtt': [logicalId(stacks.app, stacks.app.api), 'ApiEndpoint'],
    });
  });

  it('accepts an http(s) URL from context, without its trailing slash, and rejects anything else', () => {
    expect(checkPublicBaseUrl('https://plp.example.be/')).toBe('https://plp.example.be');
    expect(checkPublicBaseUrl('https://example.be/plp')).toBe('https://example.be/plp');
    expect(checkPublicBaseUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    for (const wrong of ['plp.example.be', 'ftp://plp.example.be', 'https://plp.example.be/?a=1', '']) {
      expect(() => checkPublicBaseUrl(wrong)).toThrow(/publicBaseUrl/);
    }
  });
});

describe('inbound SMS', () => {
  it('subscribes smsInbound to the inbound SMS topic of the stateful stack, with a DLQ', () => {
    const subscriptions = Object.values(resources).filter((r) => r.Type === 'AWS::SNS::Subscription');
    expect(subscriptions).toHaveLength(1);
    const subscription = subscriptions[0]!.Properties;
    expect(subscription).toMatchObject({
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [functionOf('smsInbound').id, 'Arn'] },
    });
    expect(statefulRefOf(subscription.TopicArn)).toBe(logicalId(stacks.stateful, stacks.stateful.smsInboundTopic));
    expect(subscription.RedrivePolicy.deadLetterTargetArn).toBeDefined();
    appTemplate.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'sns.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [functionOf('smsInbound').id, 'Arn'] },
      SourceArn: subscription.TopicArn,
    });
  });
});

describe('stateful stack', () => {
  it('keeps the single table: PITR, TTL on expiresAt, encryption, retained, the indexes of the definition', () => {
    const tables = statefulTemplate.findResources('AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(1);
    const table = Object.values(tables)[0] as Resource;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('has a staff user pool without self sign-up, with the four groups', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
    });
    const groups = Object.values(statefulTemplate.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => (g as Resource).Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['commune_admin', 'coordinator', 'police', 'region_admin']);
  });

  it('keeps the verified e-mail until a change is confirmed, and offers TOTP (no SMS) as second factor', () => {
    statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      MfaConfiguration: 'OPTIONAL',
    });
  });

  it('encrypts the inbound SMS topic and requires TLS to publish', () => {
    statefulTemplate.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    statefulTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('stage and region', () => {
  it('puts the stage in stack and resource names, and the region in the stack environment', () => {
    expect(stacks.stateful.stackName).toBe(`plp-${stage}-stateful`);
    expect(stacks.app.stackName).toBe(`plp-${stage}-app`);
    expect(stacks.app.region).toBe(region);
    expect(stacks.stateful.region).toBe(region);
    statefulTemplate.hasResourceProperties('AWS::Events::EventBus', { Name: `plp-${stage}` });
    statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', { TableName: `plp-${stage}` });
    expect(functionOf(entries[0]![0]).resource.Properties.Environment.Variables.STAGE).toBe(stage);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('reports no finding that is not acknowledged', () => {
    expect(validationReport.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });
});
