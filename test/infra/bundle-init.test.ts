import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { bundleFunction } from '../../infra/bundling.ts';
import { functionEnvironment, type StageResources } from '../../infra/environment.ts';
import createCommune from '../../functions/directory/create-commune.fn.ts';
import { coldStart, lambdaRuntimeEnvironment } from '../support/cold-start.ts';

/**
 * Every synthesized bundle is loaded in a fresh Node process with exactly the environment of its
 * CloudFormation resource (plus what Lambda adds: region, dummy credentials): a handler that reads a variable
 * its spec does not grant fails here, as it would at cold start in AWS and nowhere else.
 */
type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, string> };

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const region = 'eu-west-1';
let outdir: string;
let lambdas: { id: string; bundle: string; env: Record<string, string> }[] = [];

/** A CloudFormation value as the function would see it: a literal as is, an intrinsic as a stand-in string. */
const resolved = (name: string, value: unknown) => (typeof value === 'string' ? value : `resolved-${name}`);

beforeAll(() => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-bundles-synth-'));
  // Bundling on (no 'aws:cdk:bundling-stacks' override): the assets are the bundles `cdk deploy` uploads.
  const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:enable-asset-metadata': true } });
  const stacks = buildApp(app, { stage: 'init', region, account: '123456789012' });
  const template = app.synth().getStackArtifact(stacks.app.artifactId).template as {
    Resources: Record<string, Resource>;
  };
  lambdas = Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['aws:asset:path'])
    .map(([id, r]) => ({
      id,
      bundle: path.join(outdir, r.Metadata!['aws:asset:path']!, 'index.mjs'),
      env: Object.fromEntries(
        Object.entries((r.Properties.Environment?.Variables ?? {}) as Record<string, unknown>).map(([k, v]) => [
          k,
          resolved(k, v),
        ]),
      ),
    }));
}, 240_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('synthesized bundles initialise with their template environment', () => {
  it('finds one bundle per function of the app, each its own', () => {
    expect(lambdas.length).toBeGreaterThanOrEqual(20);
    expect(new Set(lambdas.map((l) => l.bundle)).size).toBe(lambdas.length);
  });

  it('initialises every bundle in a cold Node process', async () => {
    const failures: string[] = [];
    for (const l of lambdas) {
      const res = await coldStart(l.bundle, { ...l.env, ...lambdaRuntimeEnvironment(l.id, { region }) });
      if (!res.ok) failures.push(`${l.id}: ${res.output}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('the cold-start check can fail', () => {
  const stage: StageResources = {
    stage: 'init',
    logLevel: 'INFO',
    publicBaseUrl: 'https://alert.example.be',
    clientLimits: true,
    languages: ['fr', 'nl'],
    tableName: 'plp-init',
    eventBusName: 'plp-init',
    queueUrl: (q) => `https://sqs.eu-west-1.amazonaws.com/123456789012/${q}`,
    pepperSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:pepper',
    email: { configurationSetName: 'plp-init' },
  };

  it('refuses the bug of issue 15: createCommune building an event publisher its spec does not grant', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plp-bug-'));
    try {
      const { file } = await bundleFunction('test/infra/fixtures/publishes-undeclared.handler.ts', dir, {
        sourcemap: false,
      });
      const env = { ...functionEnvironment(createCommune, stage), ...lambdaRuntimeEnvironment('bug', { region }) };
      const res = await coldStart(file, env);
      expect(res.ok).toBe(false);
      expect(res.output).toContain('Missing environment variables: EVENT_BUS_NAME');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
