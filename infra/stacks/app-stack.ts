import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../../functions/manifest.ts';
import { functionEnvironment, type StageResources } from '../environment.ts';
import { AppFunction } from '../constructs/app-function.ts';
import type { StatefulStack } from './stateful-stack.ts';

export type AppStackProps = StackProps & {
  stage: string;
  stateful: StatefulStack;
  /** The functions to build: `functionEntries()` of functions/manifest.ts. */
  functions: ReadonlyArray<readonly [string, FunctionSpec]>;
  logLevel?: string;
  smsSenderId?: string;
  /**
   * Origin of the member pages (context `publicBaseUrl`), an http(s) URL without trailing slash; the HTTP
   * API's endpoint when not given.
   */
  publicBaseUrl?: string;
  /** Per-client-address limits on the anonymous routes (context `clientLimits=off` turns them off). */
  clientLimits?: boolean;
  /** Official languages of the deployment's area (context `languages=fr,nl`, the default). */
  languages?: readonly string[];
  /** SMS price per part and default PLP budget, in euros (contexts `smsPricePerSegmentEur`, `smsDefaultMonthlyBudgetEur`). */
  smsPricePerSegmentEur?: number;
  smsDefaultMonthlyBudgetEur?: number;
};

/** The official languages of Brussels, where the platform started: the default of context `languages`. */
export const DEFAULT_LANGUAGES = ['fr', 'nl'] as const;

/** Context `languages`: one or more of fr, nl, de, en, each once; anything else fails the synthesis. */
export function checkLanguages(value: readonly string[]): readonly string[] {
  const known = ['fr', 'nl', 'de', 'en'];
  if (value.length === 0 || value.some((l) => !known.includes(l)) || new Set(value).size !== value.length)
    throw new Error(`languages must list one or more of ${known.join(', ')}, each once; got ${JSON.stringify(value)}`);
  return value;
}

/**
 * PUBLIC_BASE_URL as the functions expect it: an http(s) URL, no trailing slash (links append `/me#…`).
 * A wrong value fails the synthesis rather than every message that carries a link.
 */
export function checkPublicBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`publicBaseUrl must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`publicBaseUrl must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.search || url.hash) throw new Error(`publicBaseUrl must have no query or fragment: ${value}`);
  return value.replace(/\/+$/, '');
}

/** Stage-wide throttling of the HTTP API, and tighter limits on each public route. */
export const throttling = {
  stage: { rateLimit: 200, burstLimit: 400 },
  publicWrite: { rateLimit: 20, burstLimit: 40 },
  publicRead: { rateLimit: 50, burstLimit: 100 },
} as const;

/** `createPlp` → `CreatePlp`: construct ids of the manifest's functions. */
export const pascalCase = (name: string) =>
  name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());

/**
 * The features: one function per manifest entry, with its trigger (HTTP route, event rule, queue,
 * schedule, inbound SMS), only the grants its `access` declares, and alarms on errors and dead letters.
 * A new manifest entry needs no change here.
 */
export class AppStack extends Stack {
  readonly api: HttpApi;
  readonly functions = new Map<string, AppFunction>();
  readonly queues = new Map<string, Queue>();

  private readonly stage: string;
  private readonly stateful: StatefulStack;
  /** What the functions' environments are made of (infra/environment.ts). */
  private readonly resources: StageResources;
  private readonly apiStage: HttpStage;
  private readonly authorizer: HttpUserPoolAuthorizer;
  private readonly routeKeys = new Set<string>();
  /** CfnStage.RouteSettings is a raw JSON map: its values are written with CloudFormation's casing. */
  private readonly routeSettings: Record<
    string,
    { ThrottlingRateLimit: number; ThrottlingBurstLimit: number; DetailedMetricsEnabled: boolean }
  > = {};

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    this.stage = props.stage;
    this.stateful = props.stateful;

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `plp-${this.stage}`,
      description: `PLP Alert API (${this.stage})`,
      createDefaultStage: false,
    });
    // The API endpoint (`https://<id>.execute-api.<region>.amazonaws.com`, the `$default` stage) refers to
    // the API alone, which depends on no function: functions may carry it without a dependency cycle.
    const { stateful } = props;
    this.resources = {
      stage: this.stage,
      logLevel: props.logLevel ?? 'INFO',
      publicBaseUrl: props.publicBaseUrl ? checkPublicBaseUrl(props.publicBaseUrl) : this.api.apiEndpoint,
      clientLimits: props.clientLimits ?? true,
      languages: checkLanguages(props.languages ?? DEFAULT_LANGUAGES),
      tableName: stateful.table.tableName,
      eventBusName: stateful.bus.eventBusName,
      queueUrl: (name) => this.queue(name).queueUrl,
      pepperSecretArn: stateful.memberPepper.secretArn,
      smsSenderId: props.smsSenderId,
      smsPricePerSegmentEur: props.smsPricePerSegmentEur,
      smsDefaultMonthlyBudgetEur: props.smsDefaultMonthlyBudgetEur,
      email: {
        configurationSetName: stateful.configurationSet.configurationSetName,
        from: stateful.senderDomain ? `no-reply@${stateful.senderDomain}` : undefined,
      },
    };
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.apiStage = new HttpStage(this, 'ApiDefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: throttling.stage,
      // Count, 4xx, 5xx and latency per route: the handlers themselves emit no HTTP metrics.
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            sourceIp: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            responseLatency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    // Tokens of the staff pool, for its web client; the groups are checked by each handler.
    this.authorizer = new HttpUserPoolAuthorizer('StaffAuthorizer', this.stateful.userPool, {
      userPoolClients: [this.stateful.userPoolClient],
    });

    const specs = props.functions;
    this.createQueues(specs);
    for (const [name, spec] of specs) {
      const fn = this.createFunction(name, spec);
      this.functions.set(name, fn);
      this.connectTrigger(name, fn, spec);
      fn.metricErrors({ period: Duration.minutes(5) }).createAlarm(this, `${fn.node.id}Errors`, {
        alarmDescription: `${name}: the function failed`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
    (this.apiStage.node.defaultChild as CfnStage).routeSettings = this.routeSettings;

    // The stateful stack outputs its own names (table, user pool, …): an output here that names them would
    // be a cross-stack reference (Fn::GetStackOutput), which CloudFormation's schema refuses in Outputs.
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
  }

  private createFunction(name: string, spec: FunctionSpec) {
    const { access, trigger } = spec;
    const fn = new AppFunction(this, pascalCase(name), {
      entry: spec.entry,
      description: spec.description,
      stage: this.stage,
      workload: trigger.kind === 'http' ? 'api' : 'worker',
      memoryMb: spec.memoryMb,
      timeoutSeconds: spec.timeoutSeconds,
      environment: functionEnvironment(spec, this.resources),
    });
    if (access.table) fn.bindTable(this.stateful.table, access.table);
    if (access.publishes?.length) fn.bindBus(this.stateful.bus, access.publishes);
    for (const queueName of access.sendsTo ?? []) fn.bindQueue(this.queue(queueName));
    if (access.pepper) fn.bindPepper(this.stateful.memberPepper);
    if (access.sms) fn.bindSms();
    if (access.email) {
      fn.bindEmail({
        configurationSetName: this.stateful.configurationSet.configurationSetName,
        senderDomain: this.stateful.senderDomain,
      });
    }
    return fn;
  }

  private connectTrigger(name: string, fn: AppFunction, spec: FunctionSpec) {
    const { trigger } = spec;
    const id = fn.node.id;
    switch (trigger.kind) {
      case 'http': {
        const routeKey = `${trigger.method} ${trigger.path}`;
        if (this.routeKeys.has(routeKey)) throw new Error(`${name}: route ${routeKey} is already taken`);
        this.routeKeys.add(routeKey);
        const route = new HttpRoute(this, `${id}Route`, {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(trigger.path, HttpMethod[trigger.method]),
          integration: new HttpLambdaIntegration(`${id}Integration`, fn),
          authorizer: trigger.auth === 'jwt' ? this.authorizer : undefined,
        });
        if (trigger.auth !== 'jwt') {
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              trigger.auth === 'public'
                ? `${routeKey} is public by design (no account needed) and throttled per route`
                : `${routeKey} takes a member token (not a Cognito JWT), verified by the handler`,
          });
        }
        if (trigger.auth === 'public') {
          const limits = trigger.method === 'GET' ? throttling.publicRead : throttling.publicWrite;
          this.routeSettings[routeKey] = {
            ThrottlingRateLimit: limits.rateLimit,
            ThrottlingBurstLimit: limits.burstLimit,
            // A route's settings replace the stage's defaults: keep its per-route metrics.
            DetailedMetricsEnabled: true,
          };
          // Route settings name the route: it must exist before the stage is updated.
          this.apiStage.node.addDependency(route);
        }
        return;
      }
      case 'event': {
        const rule = new Rule(this, `${id}Rule`, {
          description: `${trigger.event.detailType} → ${name}`,
          eventBus: this.stateful.bus,
          eventPattern: {
            source: [...trigger.event.pattern.source],
            detailType: [...trigger.event.pattern.detailType],
          },
        });
        rule.addTarget(this.asyncTarget(fn));
        return;
      }
      case 'schedule': {
        const rule = new Rule(this, `${id}Schedule`, {
          description: `${trigger.name} → ${name}`,
          schedule: Schedule.expression(trigger.expression),
        });
        rule.addTarget(this.asyncTarget(fn));
        return;
      }
      case 'queue': {
        if (trigger.fedBy) {
          const rule = new Rule(this, `${id}FeedRule`, {
            description: `${trigger.fedBy.detailType} → queue ${trigger.queue} → ${name}`,
            eventBus: this.stateful.bus,
            eventPattern: {
              source: [...trigger.fedBy.pattern.source],
              detailType: [...trigger.fedBy.pattern.detailType],
            },
          });
          rule.addTarget(new SqsQueue(this.queue(trigger.queue)));
        }
        fn.addEventSource(
          new SqsEventSource(this.queue(trigger.queue), {
            batchSize: trigger.batchSize ?? 10,
            reportBatchItemFailures: true,
          }),
        );
        return;
      }
      case 'sms-inbound': {
        const dlq = this.asyncFailures(fn);
        this.stateful.smsInboundTopic.addSubscription(new LambdaSubscription(fn, { deadLetterQueue: dlq }));
        return;
      }
      default: {
        const unknown: never = trigger;
        throw new Error(`Unknown trigger ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** An EventBridge target for an asynchronously invoked function, failures kept in its DLQ. */
  private asyncTarget(fn: AppFunction) {
    const dlq = this.asyncFailures(fn);
    return new LambdaFunction(fn, { deadLetterQueue: dlq, retryAttempts: 4, maxEventAge: Duration.hours(6) });
  }

  /**
   * The dead-letter queue of a function invoked asynchronously (events, schedules, SNS). It receives both
   * the events the service could not deliver and — as the on-failure destination — the events the
   * function failed on after Lambda's own retries: EventBridge's DLQ alone never sees a handler error.
   */
  private asyncFailures(fn: AppFunction) {
    const dlq = this.deadLetterQueue(`${fn.node.id}Dlq`);
    Validations.of(dlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `Dead-letter queue of ${fn.node.id} (EventBridge/SNS target DLQ and Lambda on-failure destination)`,
    });
    fn.configureAsyncInvoke({ onFailure: new SqsDestination(dlq), retryAttempts: 2 });
    return dlq;
  }

  private deadLetterQueue(id: string) {
    const dlq = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }).createAlarm(this, `${id}Messages`, {
      alarmDescription: `${id}: messages failed and wait in the dead-letter queue`,
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return dlq;
  }

  /** Queues named in the manifest, one per distinct name, each with its DLQ. */
  private createQueues(specs: ReadonlyArray<readonly [string, FunctionSpec]>) {
    const names = new Set<string>();
    const consumerTimeout = new Map<string, number>();
    for (const [, spec] of specs) {
      for (const q of spec.access.sendsTo ?? []) names.add(q);
      if (spec.trigger.kind === 'queue') {
        names.add(spec.trigger.queue);
        const timeout = spec.timeoutSeconds ?? 60;
        consumerTimeout.set(spec.trigger.queue, Math.max(timeout, consumerTimeout.get(spec.trigger.queue) ?? 0));
      }
    }
    for (const name of [...names].sort()) {
      const id = `${pascalCase(name)}Queue`;
      const dlq = this.deadLetterQueue(`${id}Dlq`);
      this.queues.set(
        name,
        new Queue(this, id, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          // AWS advice for Lambda sources: six times the function timeout, so retries do not overlap.
          visibilityTimeout: Duration.seconds(6 * (consumerTimeout.get(name) ?? 60)),
          deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
        }),
      );
    }
  }

  private queue(name: string) {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Queue ${name} is not in the manifest`);
    return queue;
  }
}
