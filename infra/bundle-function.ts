import { bundleFunction } from './bundling.ts';

/**
 * `node --import tsx infra/bundle-function.ts <entry> <outdir>`: the CDK's local bundling of one function
 * (infra/constructs/app-function.ts). esbuild plugins need its asynchronous API, which CDK's synchronous
 * bundling hook cannot await: it runs this in a child process.
 */
const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) {
  console.error('usage: bundle-function.ts <entry relative to the repository> <output folder>');
  process.exit(2);
}
await bundleFunction(entry, outdir);
