import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBudgets } from '../../infra/bundling.ts';
import { type BundleReport, bundleAll } from '../../scripts/bundles.ts';

/**
 * Bundle sizes are deterministic (esbuild metafiles of the same configuration the CDK app deploys), so the
 * budgets of ../shared/DESIGN.md §5 are checked here; times are measured by `npm run bench:bundles`.
 */
let reports: BundleReport[] = [];
let cleanup = () => {};
beforeAll(async () => {
  ({ reports, cleanup } = await bundleAll());
}, 180_000);
afterAll(() => cleanup());

describe('bundle budgets: API handlers ≤ 400 KB, workers ≤ 500 KB minified, AWS SDK bundled', () => {
  it('bundles every function', () => {
    expect(reports.length).toBeGreaterThanOrEqual(20);
  });

  it('keeps every bundle within the budget of its workload', () => {
    const over = reports
      .filter((r) => r.bytes > bundleBudgets[r.workload])
      .map(
        (r) =>
          `${r.name} (${r.workload}): ${(r.bytes / 1024).toFixed(0)} KB > ${bundleBudgets[r.workload] / 1024} KB; ` +
          `largest: ${r.largest.map((l) => `${l.input} ${(l.bytes / 1024).toFixed(0)} KB`).join(', ')}`,
      );
    expect(over).toEqual([]);
  });

  const packagesOf = (name: string) => reports.find((r) => r.name === name)?.inputs.map((i) => i.input) ?? [];

  it('bundles the AWS SDK, without the credential providers and clients a Lambda role never uses', () => {
    expect(packagesOf('findPlps')).toEqual(expect.arrayContaining(['@aws-sdk/client-dynamodb', '@smithy/core']));
    for (const r of reports) {
      const unused = r.inputs.filter((i) =>
        /^(@aws-sdk\/(credential-provider-(ini|sso|process|web-identity|http|login)|nested-clients|token-providers)|aws-xray-sdk-core)$/.test(
          i.input,
        ),
      );
      expect(unused, r.name).toEqual([]);
    }
  });

  it('carries phone parsing and the e-mail client only where a function uses them', () => {
    expect(packagesOf('getMe')).not.toContain('libphonenumber-js');
    expect(packagesOf('getMe')).not.toContain('@aws-sdk/client-sesv2');
    expect(packagesOf('health').filter((p) => p.startsWith('@aws-sdk/'))).toEqual([]);
    expect(packagesOf('requestEnrolment')).toEqual(
      expect.arrayContaining(['libphonenumber-js', '@aws-sdk/client-sesv2']),
    );
  });

  it('carries the postcode list (shared/directory/postcode-provinces.ts) only in createPlp', () => {
    const withList = reports
      .filter((r) => readFileSync(r.file, 'utf8').includes('2018,2020,2030,2040'))
      .map((r) => r.name);
    expect(withList).toEqual(['createPlp']);
  });
});
