import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { type FunctionSpec, functionEntries } from '../functions/manifest.ts';
import { bundling } from '../infra/bundling.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');

export type BundleReport = {
  name: string;
  workload: 'api' | 'worker';
  bytes: number;
  file: string;
  /** The largest contributors, by package (node_modules) or by first-party folder. */
  largest: { input: string; bytes: number }[];
};

/** Where an input file comes from: its npm package, or its first-party folder. */
export function inputGroup(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) return m[1] as string;
  return path.dirname(input);
}

/** Bundles every function as the CDK app does (infra/bundling.ts) and reports its minified size. */
export async function bundleAll(
  specs: ReadonlyArray<readonly [string, FunctionSpec]> = functionEntries(),
  outdir = mkdtempSync(path.join(tmpdir(), 'plp-bundles-')),
): Promise<{ reports: BundleReport[]; outdir: string; cleanup: () => void }> {
  const reports = await Promise.all(
    specs.map(async ([name, spec]) => {
      const outfile = path.join(outdir, name, 'index.mjs');
      const result = await build({
        entryPoints: [path.join(repoRoot, spec.entry)],
        bundle: true,
        outfile,
        format: bundling.format,
        platform: bundling.platform,
        target: bundling.target,
        mainFields: [...bundling.mainFields],
        minify: bundling.minify,
        banner: { js: bundling.banner },
        alias: bundling.alias,
        metafile: true,
        logLevel: 'error',
      });
      return report(name, spec, result.metafile, outfile);
    }),
  );
  return { reports, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

function report(name: string, spec: FunctionSpec, meta: Metafile, outfile: string): BundleReport {
  const [, output] = Object.entries(meta.outputs).find(([f]) => f.endsWith('.mjs')) ?? [];
  if (!output) throw new Error(`${name}: no output in the metafile`);
  const groups = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const g = inputGroup(input);
    groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
  }
  const largest = [...groups]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return {
    name,
    workload: spec.trigger.kind === 'http' ? 'api' : 'worker',
    bytes: output.bytes,
    file: outfile,
    largest,
  };
}
