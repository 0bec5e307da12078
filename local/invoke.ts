import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionName, FunctionSpec } from '../functions/manifest.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<string, Promise<Handler>>();

/** Loads a manifest function's handler once (like a warm Lambda) and invokes it with a Lambda-like context. */
export async function invoke(name: FunctionName | string, spec: FunctionSpec, event: unknown): Promise<unknown> {
  let handler = loaded.get(name);
  if (!handler) {
    handler = import(path.join(repoRoot, spec.entry)).then((m: { handler: Handler }) => m.handler);
    loaded.set(name, handler);
  }
  return (await handler)(event, lambdaContext(name, spec));
}

function lambdaContext(name: string, spec: FunctionSpec): Context {
  const deadline = Date.now() + (spec.timeoutSeconds ?? 30) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: String(spec.memoryMb ?? 256),
    awsRequestId: randomUUID(),
    logGroupName: `/local/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
