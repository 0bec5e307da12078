import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { AssetHashType, DockerImage, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { EventContract } from '../../events/define-event.ts';
import { tableDefinition } from '../../shared/table/definition.ts';
import { partitions } from '../../shared/table/keys.ts';

/**
 * Item reads (transactions use the same actions); Query also on the indexes. No Scan: no access pattern
 * reads the whole table (shared/table/keys.ts).
 */
export const tableReadActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;
export const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;
/**
 * What no function may do to an audit item (shared/audit/: trails are append-only), whatever else it may
 * write: change or remove one in place, or overwrite one through an unconditional batch. Appends are
 * TransactWriteItems of Puts, which IAM authorises as PutItem per item. A retention function, when one exists,
 * will be the one exception.
 */
export const auditDeniedActions = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;
/** The partition keys of audit items, `AUDIT#…` (from shared/table/keys.ts, not typed again). */
export const auditLeadingKeys = `${partitions.auditTrail('').pk}*`;

/** The repository root: manifest entries (`functions/…/*.handler.ts`) are relative to it. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The function's code: its handler bundled by infra/bundling.ts (the same esbuild configuration the budget
 * test and the benchmark measure), run on this machine in a child process, never in Docker. The asset's
 * hash is the bundle's, so an unchanged bundle is not uploaded again.
 */
function bundledCode(entry: string) {
  return Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API; never pulled, since local bundling always succeeds or fails the synthesis.
      image: DockerImage.fromRegistry('local-bundling-only'),
      // What the local bundler runs. It is also part of CDK's bundling cache key, which must differ per
      // function (the `local` hook is a function and does not count): without it every function would
      // get the first function's bundle.
      command: ['node', '--import', 'tsx', 'infra/bundle-function.ts', entry],
      local: {
        tryBundle(outputDir) {
          const res = spawnSync(
            process.execPath,
            ['--import', 'tsx', path.join(repoRoot, 'infra/bundle-function.ts'), entry, outputDir],
            { cwd: repoRoot, stdio: 'inherit' },
          );
          if (res.status !== 0) throw new Error(`Bundling ${entry} failed`);
          return true;
        },
      },
    },
  });
}

/** Any SES identity of the account and region, for stages without a sender domain. */
const anyIdentityArn = 'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*';

export type AppFunctionProps = {
  /** Handler file relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  stage: string;
  /** api: answers an HTTP request (10 s default); worker: events, queues, schedules (60 s default). */
  workload: 'api' | 'worker';
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Its whole environment: functionEnvironment() of infra/environment.ts, derived from its spec. */
  environment: Record<string, string>;
};

/**
 * One Lambda function with the project's defaults: Node.js 24 on arm64, an ESM bundle from
 * infra/bundling.ts with the AWS SDK inside (the version we test is the version we run), active tracing, a
 * log group kept one month, exactly the environment its spec gives (infra/environment.ts). Its role starts
 * with nothing but writing to its own log group and X-Ray; every other permission comes from a `bind*`
 * helper, called from the spec's `access`.
 */
export class AppFunction extends LambdaFunction {
  /** The role, typed as a Role (it is created here) so that findings can be acknowledged on it. */
  readonly serviceRole: Role;
  /** Why this role's policy has `"Resource": "*"` statements (X-Ray, SMS), for the cdk-nag acknowledgement. */
  private readonly wildcardReasons: string[] = [];

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    // The role and the log group are siblings of the function: they must exist before `super()`.
    // Our own role instead of the default one avoids the AWS managed AWSLambdaBasicExecutionRole
    // (logs:* on every log group of the account): this function may write to its own group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
    });
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      // Operational logs live and die with the function; personal data must not outlive its retention.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 256,
      timeout: Duration.seconds(props.timeoutSeconds ?? (props.workload === 'api' ? 10 : 60)),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      environment: props.environment,
    });
    this.serviceRole = role;
    this.wildcardReasons.push(
      'X-Ray: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission (active tracing)',
    );
    this.acknowledgeWildcards();
  }

  /**
   * Read or read/write on the single table. Statements name the table and each of its
   * indexes (from shared/table/definition.ts) instead of `grantReadData`'s `<table>/index/*` wildcard.
   */
  bindTable(table: ITable, mode: 'read' | 'readWrite') {
    const indexArns = tableDefinition.globalSecondaryIndexes.map((i) => `${table.tableArn}/index/${i.indexName}`);
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...tableReadActions], resources: [table.tableArn, ...indexArns] }),
    );
    if (mode === 'readWrite') {
      this.addToRolePolicy(new PolicyStatement({ actions: [...tableWriteActions], resources: [table.tableArn] }));
      // An explicit Deny wins over every Allow: audit entries and heads can be put, never updated or deleted.
      this.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.DENY,
          actions: [...auditDeniedActions],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [auditLeadingKeys] } },
        }),
      );
    }
    return this;
  }

  /** PutEvents on the bus, only for the sources of the contracts it publishes. */
  bindBus(bus: IEventBus, publishes: readonly EventContract[]) {
    const sources = [...new Set(publishes.map((c) => c.source))].sort();
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [bus.eventBusArn],
        conditions: {
          'ForAllValues:StringEquals': { 'events:source': sources },
          Null: { 'events:source': 'false' },
        },
      }),
    );
    return this;
  }

  /** SendMessage on a queue of the manifest. */
  bindQueue(queue: IQueue) {
    queue.grantSendMessages(this);
    return this;
  }

  /**
   * The member pepper (HMAC key of codes, member tokens and contact keys): GetSecretValue on that one
   * secret, nothing else (the runtime never describes it). The secret uses
   * the AWS managed key aws/secretsmanager, whose key policy lets Secrets Manager decrypt for any caller of
   * the account allowed GetSecretValue: no KMS statement is needed.
   */
  bindPepper(secret: ISecret) {
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
    );
    return this;
  }

  /** Outbound SMS: sns:Publish to phone numbers. */
  bindSms() {
    // Publishing to a phone number (PhoneNumber parameter) has no topic ARN: IAM only accepts "*".
    this.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    this.wildcardReasons.push(
      'SMS: sns:Publish to a phone number has no resource ARN, the action needs "*"; topics are not published to by this role',
    );
    this.acknowledgeWildcards();
    return this;
  }

  /**
   * E-mail through SES v2 with the stage's configuration set and sender identity.
   */
  bindEmail(email: { configurationSetName: string; senderDomain?: string }) {
    const stack = Stack.of(this);
    const configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: email.configurationSetName,
    });
    // Without a sender domain the identity is unknown here: any identity of this account and region.
    // Fn::Sub keeps the wildcard ARN's text (and so its cdk-nag finding id) the same for every stage.
    const identityArn = email.senderDomain
      ? stack.formatArn({ service: 'ses', resource: 'identity', resourceName: email.senderDomain })
      : Fn.sub(anyIdentityArn);
    this.addToRolePolicy(
      new PolicyStatement({ actions: ['ses:SendEmail'], resources: [configurationSetArn, identityArn] }),
    );
    if (!email.senderDomain) {
      Validations.of(this.serviceRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${anyIdentityArn.replace(/\$\{/g, '<').replace(/\}/g, '>')}]`,
        reason:
          'No sender domain is configured for this stage (context senderDomain): the verified identity is managed outside this app',
      });
    }
    return this;
  }

  private acknowledgeWildcards() {
    Validations.of(this.serviceRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: this.wildcardReasons.join('; '),
    });
  }
}
