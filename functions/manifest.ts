import type { HttpTrigger } from '../shared/http/trigger.ts';
import * as specs from './index.ts';
import type { FunctionSpec } from './spec.ts';

export type { Access, EventTrigger, FunctionSpec, QueueTrigger, ScheduleTrigger, Trigger } from './spec.ts';

/**
 * The index of every function spec (functions/index.ts), for the CDK app (infra/stacks/app-stack.ts), the
 * local runtime (local/), the OpenAPI document and the tests. Handlers never import it: each imports its
 * own spec, so a bundle carries only its own schemas. Adding a function = a `.fn.ts` spec, a `.handler.ts`
 * and one line in functions/index.ts.
 */
export const functions: Readonly<Record<string, FunctionSpec>> & typeof specs = specs;
export type FunctionName = keyof typeof specs;
/** Every [name, spec], sorted by name (a module namespace's key order differs between loaders). */
export const functionEntries = () =>
  (Object.entries(specs) as [FunctionName, FunctionSpec][]).sort(([a], [b]) => a.localeCompare(b));
export const httpFunctions = () =>
  functionEntries().filter((e): e is [FunctionName, FunctionSpec<HttpTrigger>] => e[1].trigger.kind === 'http');
