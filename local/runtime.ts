import type { FunctionSpec } from '../functions/spec.ts';
import { functionEnvironment, type StageResources } from '../infra/environment.ts';
import { access, tablesOf } from './access.ts';
import { localEventBus } from './event-bus.ts';
import { type HubHandler, localFunctions } from './functions.ts';
import { accessKeyIdOf, dynamoDbDenied, sesDenied, startIamProxy } from './iam-proxy.ts';
import { lambdaRuntimeEnvironment } from './lambda-environment.ts';
import { localQueues, localQueueUrl, queueOfUrl } from './queues.ts';
import { smsOutbox } from './sms-outbox.ts';

/** The member pepper of the local stage: a constant (in AWS, a Secrets Manager secret). */
const LOCAL_PEPPER = 'local-pepper-not-a-secret';

/** The stage resources of the local runtime (names and URLs its functions are given). */
export const localResources = (options: {
  tableName: string;
  publicBaseUrl: string;
  clientLimits: boolean;
  logLevel: string;
}): StageResources => ({
  stage: 'local',
  logLevel: options.logLevel,
  publicBaseUrl: options.publicBaseUrl,
  clientLimits: options.clientLimits,
  // The demo commune is in Brussels.
  languages: ['fr', 'nl'],
  tableName: options.tableName,
  eventBusName: 'plp-local',
  queueUrl: localQueueUrl,
  pepperSecretArn: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:plp-local-member-pepper',
  email: { configurationSetName: 'plp-local', from: 'PLP Alert <no-reply@plp-alert.local>' },
});

/**
 * The functions of the local runtime with what they may touch: IAM proxies in front of DynamoDB Local and
 * aws-ses-v2-local, the in-process bus, queues and SMS outbox, and the secret, each refusing what a
 * function's spec does not declare (local/access.ts), as IAM does in AWS. Each function runs in its own
 * worker with its spec's environment (infra/environment.ts) and what Lambda adds.
 */
export async function localRuntime(options: {
  specs: ReadonlyArray<readonly [string, FunctionSpec]>;
  resources: StageResources;
  dynamoEndpoint: string;
  sesUrl: string;
}) {
  const { resources } = options;
  const specs = new Map<string, FunctionSpec>(options.specs);
  const specOf = (name: string) => {
    const spec = specs.get(name);
    if (!spec) throw new Error(`No function named ${name}`);
    return spec;
  };
  const stops: (() => Promise<void>)[] = [];

  const dynamoProxy = await startIamProxy({
    upstream: options.dynamoEndpoint,
    denied: dynamoDbDenied,
    authorize: ({ functionName, target, body }) => {
      const operation = target?.split('.')[1] ?? 'Unknown';
      const request = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
      access.dynamodb(functionName, specOf(functionName), operation, tablesOf(request), resources.tableName, request);
    },
  });
  stops.push(dynamoProxy.stop);
  const sesProxy = await startIamProxy({
    upstream: options.sesUrl,
    denied: sesDenied,
    authorize: ({ functionName }) => access.email(functionName, specOf(functionName)),
  });
  stops.push(sesProxy.stop);

  const outbox = smsOutbox();
  const hub: HubHandler = async (name, spec, call) => {
    switch (call.op) {
      case 'publish':
        access.publish(name, spec, call.args.source, call.args.detailType);
        return bus.put(call.args.source, call.args.detailType, call.args.detail);
      case 'sms':
        access.sms(name, spec);
        return { messageId: outbox.send(call.args.to, call.args.body) };
      case 'secret':
        access.secret(name, spec, call.args.secretArn, resources.pepperSecretArn);
        return LOCAL_PEPPER;
      case 'queue': {
        const queue = queueOfUrl(call.args.queueUrl) ?? call.args.queueUrl;
        access.queue(name, spec, queue);
        queues.send(queue, call.args.body);
        return undefined;
      }
    }
  };
  const functions = localFunctions({
    specs: [...specs],
    hub,
    environmentOf: (name, spec) => ({
      ...functionEnvironment(spec, resources),
      ...lambdaRuntimeEnvironment(name, { accessKeyId: accessKeyIdOf(name), memoryMb: spec.memoryMb }),
      // The real DynamoDB and SES v2 clients, pointed at their local servers through the IAM proxies.
      AWS_ENDPOINT_URL_DYNAMODB: dynamoProxy.url,
      AWS_ENDPOINT_URL_SESV2: sesProxy.url,
      // Local quietness, not configuration: no metric lines in the console, no SDK notice about Node 20.
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    }),
  });
  stops.push(functions.stop);
  const queues = localQueues({ invoke: functions.invoke, specs: [...specs] });
  const bus = localEventBus({ invoke: functions.invoke, specs: [...specs], toQueue: queues.send });

  return {
    invoke: functions.invoke,
    bus,
    queues,
    outbox,
    async stop() {
      for (const s of stops.reverse()) await s().catch(() => undefined);
    },
  };
}
export type LocalRuntime = Awaited<ReturnType<typeof localRuntime>>;
