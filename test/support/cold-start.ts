import { lambdaRuntimeEnvironment } from '../../local/lambda-environment.ts';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export { lambdaRuntimeEnvironment };

/**
 * Loads a bundle in a fresh Node process with exactly `env` (nothing inherited), as Lambda's cold start
 * does, and reports whether it initialised and exports a `handler` function.
 */
export function coldStart(bundle: string, env: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
if (typeof m.handler !== 'function') { console.error('no handler function exported'); process.exit(3); }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ ok: code === 0, output: output.slice(-2000) }));
  });
}
