import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

/**
 * How every function is bundled: one esbuild configuration for the CDK app (infra/constructs/app-function.ts
 * runs infra/bundle-function.ts), the bundle budgets test and `npm run bench:bundles`, so the sizes we check
 * are the sizes we deploy. ESM for Node 20+, minified, the AWS SDK inside (the version we test is the
 * version we run), a source map without sources.
 */

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Minified size limits (bytes): an API handler answers a person waiting; a worker may carry more. */
export const bundleBudgets = { api: 400 * 1024, worker: 500 * 1024 } as const;

/**
 * CommonJS dependencies bundled into an ES module still call `require` (for Node built-ins), which an ES
 * module does not have: the banner creates one. The import is aliased so it never clashes with a bundled name.
 */
const requireBanner =
  "import { createRequire as __plpCreateRequire } from 'node:module'; const require = __plpCreateRequire(import.meta.url);";

/** What the SDK bundles and a Lambda function never runs, replaced by small modules of ours. */
const alias: Record<string, string> = {
  // The role's credentials are in the environment: no SSO, ini, process or IMDS providers, no STS client.
  '@aws-sdk/credential-provider-node': path.join(repoRoot, 'shared/adapters/aws/lambda-credentials.ts'),
  // DynamoDB's endpoint discovery, off by default and required by no operation.
  '@aws-sdk/middleware-endpoint-discovery': path.join(repoRoot, 'shared/adapters/aws/no-endpoint-discovery.ts'),
  // SigV4a serves EventBridge's global endpoints only, which we do not use.
  '@aws-sdk/signature-v4-multi-region': path.join(repoRoot, 'shared/adapters/aws/sigv4-only.ts'),
  // Loaded only for event-stream operations, which none of our clients has.
  '@smithy/core/event-streams': path.join(repoRoot, 'shared/adapters/aws/no-event-streams.ts'),
};

/**
 * The SDK's generated schema modules key their HTTP traits with computed names (`{ [_h]: […] }` where
 * `const _h = "http"`). esbuild must assume a computed key may run code, so it keeps every operation's schema
 * of a client (SES v2: ~48 KB) although one is used. Writing the same keys as literals lets it drop the rest.
 */
const sdkSchemaLiteralKeys: Plugin = {
  name: 'sdk-schema-literal-keys',
  setup(b) {
    b.onLoad({ filter: /[\\/]@aws-sdk[\\/].*[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const strings = new Map<string, string>();
      for (const m of text.matchAll(/^const (_\w+) = ("[^"\\]*");$/gm)) strings.set(m[1] as string, m[2] as string);
      const contents = text.replace(/\[(_\w+)\]:/g, (all, name: string) => {
        const literal = strings.get(name);
        return literal ? `${literal}:` : all;
      });
      return { contents, loader: 'js' };
    });
  },
};

/** The SDK clients import their whole package.json for one field, `version` (user agent). */
const sdkPackageVersionOnly: Plugin = {
  name: 'sdk-package-version-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/ }, async (args) => {
      const { name, version } = JSON.parse(await readFile(args.path, 'utf8')) as { name: string; version: string };
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

/** Bundles one handler (path relative to the repository root) into `<outdir>/index.mjs` (+ its source map). */
export async function bundleFunction(
  entry: string,
  outdir: string,
  options: { metafile?: boolean; sourcemap?: boolean } = {},
): Promise<{ file: string; bytes: number; metafile?: Metafile }> {
  const file = path.join(outdir, 'index.mjs');
  const result = await build({
    entryPoints: [path.join(repoRoot, entry)],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: options.sourcemap ?? true,
    sourcesContent: false,
    banner: { js: requireBanner },
    alias,
    plugins: [sdkSchemaLiteralKeys, sdkPackageVersionOnly],
    metafile: true,
    logLevel: 'error',
  });
  const output = result.metafile.outputs[path.relative(process.cwd(), file)];
  if (!output) throw new Error(`${entry}: esbuild wrote no ${file}`);
  return { file, bytes: output.bytes, ...(options.metafile ? { metafile: result.metafile } : {}) };
}
