import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { buildDetail } from '../events/define-event.ts';
import { localHub } from '../shared/adapters/local/hub.ts';

/**
 * One function of the local runtime, in its own worker thread: its own module instances (a Lambda container)
 * and exactly the environment the runtime gave it (its spec's, infra/environment.ts). The services without a
 * local server (bus, SMS, secrets, queues) are asked of the runtime, which checks the spec's access first.
 */
export type WorkerData = { name: string; entry: string; memoryMb: number; timeoutSeconds: number };
export type ToWorker =
  | { type: 'invoke'; id: number; event: unknown }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: { name: string; message: string } };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-error'; error: { name: string; message: string } }
  | { type: 'call'; id: number; op: 'publish' | 'sms' | 'secret' | 'queue'; args: unknown }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: { name: string; message: string } };

const port = parentPort!;
const data = workerData as WorkerData;
const post = (m: FromWorker) => port.postMessage(m);
const asError = (e: { name: string; message: string }) => Object.assign(new Error(e.message), { name: e.name });
const summary = (e: unknown) => ({ name: (e as Error)?.name ?? 'Error', message: (e as Error)?.message ?? String(e) });

let calls = 0;
const waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
const ask = <T>(op: 'publish' | 'sms' | 'secret' | 'queue', args: unknown) =>
  new Promise<T>((resolve, reject) => {
    const id = ++calls;
    waiting.set(id, { resolve, reject });
    post({ type: 'call', id, op, args });
  });

localHub.publish = async (contract, detailData, options) => {
  // Validated here, as the EventBridge adapter does before PutEvents.
  const detail = buildDetail(contract, detailData, options);
  await ask('publish', { source: contract.source, detailType: contract.detailType, detail });
};
localHub.sms = { send: (to, body) => ask<{ messageId: string }>('sms', { to, body }) };
localHub.secrets = { get: (secretArn) => ask<string>('secret', { secretArn }) };
localHub.queues = { send: (queueUrl, body) => ask<void>('queue', { queueUrl, body }) };

type Handler = (event: unknown, context: Context) => Promise<unknown>;
let handler: Handler | undefined;

port.on('message', async (m: ToWorker) => {
  if (m.type === 'reply') {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.value);
    else w?.reject(asError(m.error));
    return;
  }
  try {
    const value = await handler!(m.event, lambdaContext());
    post({ type: 'result', id: m.id, ok: true, value });
  } catch (error) {
    post({ type: 'result', id: m.id, ok: false, error: summary(error) });
  }
});

try {
  handler = ((await import(data.entry)) as { handler: Handler }).handler;
  if (typeof handler !== 'function') throw new Error(`${data.entry} exports no handler function`);
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'init-error', error: summary(error) });
}

function lambdaContext(): Context {
  const deadline = Date.now() + data.timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: data.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:000000000000:function:${data.name}`,
    memoryLimitInMB: String(data.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/local/${data.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
