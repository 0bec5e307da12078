/**
 * How every function is bundled: one set of esbuild options for the CDK app (infra/constructs/app-function.ts),
 * the bundle budgets test and `npm run bench:bundles`, so the sizes we check are the sizes we deploy.
 */

/**
 * CommonJS dependencies bundled into an ES module still call `require` (for Node built-ins), which an ES
 * module does not have: the banner creates one. The import is aliased so it never clashes with a bundled name.
 */
export const requireBanner =
  "import { createRequire as __plpCreateRequire } from 'node:module'; const require = __plpCreateRequire(import.meta.url);";

import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

export const bundling = {
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  minify: true,
  banner: requireBanner,
  /** Modules replaced in every bundle: Lambda's credentials come from the environment only. */
  alias: {
    '@aws-sdk/credential-provider-node': path.join(repoRoot, 'shared/adapters/aws/lambda-credentials.ts'),
  } as Record<string, string>,
} as const;

/** Minified size limits (bytes): an API handler answers a person waiting; a worker may carry more. */
export const bundleBudgets = { api: 400 * 1024, worker: 500 * 1024 } as const;
