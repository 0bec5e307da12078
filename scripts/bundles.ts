import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { type FunctionSpec, functionEntries } from '../functions/manifest.ts';
import { bundleFunction } from '../infra/bundling.ts';

export type BundleReport = {
  name: string;
  workload: 'api' | 'worker';
  bytes: number;
  file: string;
  /** Every contributor, by npm package or by first-party folder, largest first. */
  inputs: { input: string; bytes: number }[];
  /** The five largest of them. */
  largest: { input: string; bytes: number }[];
};

/** Where an input file comes from: its npm package, or its first-party folder. */
export function inputGroup(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m) return m[1] as string;
  return path.dirname(input);
}

export const workloadOf = (spec: FunctionSpec) => (spec.trigger.kind === 'http' ? 'api' : 'worker');

/** Bundles every function as the CDK app does (infra/bundling.ts) and reports its minified size. */
export async function bundleAll(
  specs: ReadonlyArray<readonly [string, FunctionSpec]> = functionEntries(),
  outdir = mkdtempSync(path.join(tmpdir(), 'plp-bundles-')),
): Promise<{ reports: BundleReport[]; outdir: string; cleanup: () => void }> {
  const reports: BundleReport[] = [];
  for (const [name, spec] of specs) {
    // As deployed: with its source map (NODE_OPTIONS=--enable-source-maps loads it at init).
    const { file, bytes, metafile } = await bundleFunction(spec.entry, path.join(outdir, name), { metafile: true });
    const inputs = inputsByGroup(metafile as Metafile);
    reports.push({ name, workload: workloadOf(spec), bytes, file, inputs, largest: inputs.slice(0, 5) });
  }
  return { reports, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

function inputsByGroup(meta: Metafile) {
  const groups = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const g = inputGroup(input);
      groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
    }
  }
  return [...groups].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
}
