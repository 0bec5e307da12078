import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { functionEntries } from '../functions/manifest.ts';
import { bundleBudgets } from '../infra/bundling.ts';
import { functionEnvironment, type StageResources } from '../infra/environment.ts';
import { lambdaRuntimeEnvironment } from '../local/lambda-environment.ts';
import { type BundleReport, bundleAll } from './bundles.ts';

/**
 * `npm run bench:bundles [-- --runs N]`: every function's bundle size (with its five largest inputs) and its
 * module-init time in a cold Node process, as a ratio to an empty module measured in the same run (median of
 * N runs each, interleaved, so machine noise hits both alike). Writes the "after" table of docs/benchmarks.md.
 */
const benchmarksFile = path.resolve(import.meta.dirname, '../docs/benchmarks.md');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;

/** Milliseconds from the start of `import()` to its end, in a fresh Node process with exactly `env`. */
export function initMs(file: string, env: Record<string, string>): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)});
process.stdout.write(String(performance.now() - t));`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${file} did not initialise: ${res.stderr.slice(-500)}`);
  return Number(res.stdout);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Init time of each bundle and of an empty module, interleaved run by run. */
export function measureInit(bundles: { name: string; file: string; env: Record<string, string> }[], n: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plp-empty-'));
  const empty = path.join(dir, 'index.mjs');
  writeFileSync(empty, 'export const handler = async () => ({});\n');
  const times = new Map<string, number[]>([['(empty module)', []]]);
  for (let i = 0; i < n; i++) {
    times.get('(empty module)')!.push(initMs(empty, lambdaRuntimeEnvironment('empty')));
    for (const b of bundles) {
      if (!times.has(b.name)) times.set(b.name, []);
      times.get(b.name)!.push(initMs(b.file, b.env));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const emptyMs = median(times.get('(empty module)')!);
  return {
    emptyMs,
    byName: new Map([...times].map(([name, xs]) => [name, { ms: median(xs), ratio: median(xs) / emptyMs }])),
  };
}

export const benchResources: StageResources = {
  stage: 'bench',
  logLevel: 'INFO',
  publicBaseUrl: 'https://alert.example.be',
  clientLimits: true,
  languages: ['fr', 'nl'],
  tableName: 'plp-bench',
  eventBusName: 'plp-bench',
  queueUrl: (q) => `https://sqs.eu-west-1.amazonaws.com/123456789012/${q}`,
  pepperSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:plp-bench-pepper',
  email: { configurationSetName: 'plp-bench', from: 'no-reply@alert.example.be' },
};

export const machine = () =>
  `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;

const kb = (bytes: number) => (bytes / 1024).toFixed(0);

export function afterTable(reports: BundleReport[], init: ReturnType<typeof measureInit>) {
  const rows = reports.map((r) => {
    const t = init.byName.get(r.name)!;
    const largest = r.largest.map((l) => `${l.input} ${kb(l.bytes)}`).join(', ');
    return `| ${r.name} | ${r.workload} | ${kb(r.bytes)} | ${kb(bundleBudgets[r.workload])} | ${t.ms.toFixed(1)} | ${t.ratio.toFixed(2)} | ${largest} |`;
  });
  return [
    '| function | kind | KB | budget KB | init ms | init ratio | five largest inputs (KB) |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const specs = functionEntries();
  const { reports, cleanup } = await bundleAll(specs);
  const env = (name: string) => {
    const spec = specs.find(([n]) => n === name)![1];
    return { ...functionEnvironment(spec, benchResources), ...lambdaRuntimeEnvironment(name) };
  };
  const init = measureInit(
    reports.map((r) => ({ name: r.name, file: r.file, env: env(r.name) })),
    runs,
  );
  cleanup();
  const date = new Date().toISOString().slice(0, 10);
  const section = [
    `Measured ${date} on ${machine()}; empty module ${init.emptyMs.toFixed(1)} ms (median of ${runs} runs).`,
    '',
    afterTable(reports, init),
  ].join('\n');
  const doc = readFileSync(benchmarksFile, 'utf8');
  const [start, end] = ['<!-- bench:bundles:start -->', '<!-- bench:bundles:end -->'];
  if (!doc.includes(start) || !doc.includes(end)) throw new Error(`${benchmarksFile} lacks the ${start} markers`);
  const text = `${doc.slice(0, doc.indexOf(start) + start.length)}\n${section}\n${doc.slice(doc.indexOf(end))}`;
  // Formatted as `npm run lint` expects it.
  const options = { ...(await prettier.resolveConfig(benchmarksFile)), filepath: benchmarksFile };
  writeFileSync(benchmarksFile, await prettier.format(text, options));
  console.log(section);
  console.log(`\nwritten to ${path.relative(process.cwd(), benchmarksFile)}`);
}
