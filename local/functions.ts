import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FunctionSpec } from '../functions/spec.ts';
import type { FromWorker, ToWorker, WorkerData } from './function-worker.ts';

/** A request of a function's worker to the runtime; the runtime checks the spec's access and answers. */
export type HubCall = { op: 'publish' | 'sms' | 'secret' | 'queue'; args: any };
export type HubHandler = (name: string, spec: FunctionSpec, call: HubCall) => Promise<unknown>;

/** The error a failed invocation carries (the function threw, timed out, or could not initialise). */
export class InvocationError extends Error {
  constructor(
    readonly functionName: string,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvocationError';
  }
}

const boot = path.join(import.meta.dirname, 'function-worker-boot.mjs');

/**
 * The functions of the local runtime, each in its own worker thread started on first use (a cold start) with
 * exactly `environmentOf(name, spec)`. An invocation that throws rejects with an InvocationError; one past
 * the spec's timeout ends the worker, as Lambda ends the sandbox; a function that fails to initialise is
 * initialised again on the next invocation.
 */
export function localFunctions(options: {
  specs: ReadonlyArray<readonly [string, FunctionSpec]>;
  environmentOf: (name: string, spec: FunctionSpec) => Record<string, string>;
  hub: HubHandler;
}) {
  const specs = new Map(options.specs);
  const workers = new Map<string, ReturnType<typeof start>>();

  function start(name: string, spec: FunctionSpec) {
    const data: WorkerData = {
      name,
      entry: path.resolve(import.meta.dirname, '..', spec.entry),
      memoryMb: spec.memoryMb ?? 256,
      timeoutSeconds: spec.timeoutSeconds ?? (spec.trigger.kind === 'http' ? 10 : 60),
    };
    const worker = new Worker(boot, { env: options.environmentOf(name, spec), workerData: data });
    worker.unref();
    let invocations = 0;
    const running = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') return resolve();
        if (m.type === 'init-error') return reject(new InvocationError(name, m.error.name, m.error.message));
        if (m.type === 'result') {
          const r = running.get(m.id);
          running.delete(m.id);
          if (m.ok) r?.resolve(m.value);
          else r?.reject(new InvocationError(name, m.error.name, m.error.message));
          return;
        }
        options.hub(name, spec, { op: m.op, args: m.args }).then(
          (value) => worker.postMessage({ type: 'reply', id: m.id, ok: true, value } satisfies ToWorker),
          (error: Error) =>
            worker.postMessage({
              type: 'reply',
              id: m.id,
              ok: false,
              error: { name: error.name, message: error.message },
            } satisfies ToWorker),
        );
      });
      const fail = (errorName: string, message: string) => {
        reject(new InvocationError(name, errorName, message));
        for (const r of running.values()) r.reject(new InvocationError(name, errorName, message));
        running.clear();
        if (workers.get(name)?.worker === worker) workers.delete(name);
      };
      worker.on('error', (error) => fail(error.name, error.message));
      // A worker that ends on its own (it crashed, or called process.exit) fails what it was doing.
      worker.on('exit', (code) => fail('Runtime.ExitError', `the function's worker exited with code ${code}`));
    });
    ready.catch(() => {
      if (workers.get(name)?.worker === worker) workers.delete(name);
      void worker.terminate();
    });
    const invoke = async (event: unknown) => {
      await ready;
      const id = ++invocations;
      return new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          running.delete(id);
          reject(new InvocationError(name, 'TimeoutError', `Task timed out after ${data.timeoutSeconds} seconds`));
          if (workers.get(name)?.worker === worker) workers.delete(name);
          void worker.terminate();
        }, data.timeoutSeconds * 1000);
        timer.unref();
        running.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        worker.postMessage({ type: 'invoke', id, event } satisfies ToWorker);
      });
    };
    return { worker, invoke };
  }

  return {
    /** Invokes a function by name with an event, as Lambda's Invoke does. */
    invoke(name: string, event: unknown): Promise<unknown> {
      const spec = specs.get(name);
      if (!spec) return Promise.reject(new Error(`No function named ${name}`));
      let w = workers.get(name);
      if (!w) workers.set(name, (w = start(name, spec)));
      return w.invoke(event);
    },
    async stop() {
      await Promise.all([...workers.values()].map((w) => w.worker.terminate()));
      workers.clear();
    },
  };
}
export type LocalFunctions = ReturnType<typeof localFunctions>;
export type Invoke = LocalFunctions['invoke'];
