import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_STAGE, StageConfigError, stageOptions } from '../../infra/stage-config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cdkContext = JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const contextOf = (values: Record<string, string>) => (key: string) => values[key] || undefined;

describe('stageOptions', () => {
  it('refuses a stage other than the local one without senderDomain and publicBaseUrl, naming both', () => {
    const attempt = () => stageOptions(contextOf({ stage: 'prod' }));
    expect(attempt).toThrow(StageConfigError);
    expect(attempt).toThrow(/Stage "prod" is missing -c senderDomain=… and -c publicBaseUrl=…/);
    expect(attempt).toThrow(/senderDomain: the SES domain e-mails are sent from/);
  });

  it('names only the missing setting', () => {
    expect(() => stageOptions(contextOf({ stage: 'dev', senderDomain: 'alert.example.be' }))).toThrow(
      /Stage "dev" is missing -c publicBaseUrl=…:\n {2}publicBaseUrl:/,
    );
    expect(() => stageOptions(contextOf({ stage: 'dev', publicBaseUrl: 'https://alert.example.be' }))).toThrow(
      /Stage "dev" is missing -c senderDomain=…:/,
    );
    expect(() => stageOptions(contextOf({ stage: 'dev', senderDomain: ' ', publicBaseUrl: 'https://a.be' }))).toThrow(
      /missing -c senderDomain/,
    );
  });

  it('accepts a deployable stage that has both, and the local stage without them', () => {
    const prod = stageOptions(
      contextOf({ stage: 'prod', senderDomain: 'alert.example.be', publicBaseUrl: 'https://alert.example.be' }),
      { account: '123456789012' },
    );
    expect(prod).toMatchObject({
      stage: 'prod',
      senderDomain: 'alert.example.be',
      publicBaseUrl: 'https://alert.example.be',
      account: '123456789012',
      clientLimits: true,
    });
    expect(stageOptions(contextOf({})).stage).toBe(LOCAL_STAGE);
    expect(stageOptions(contextOf({ stage: LOCAL_STAGE, clientLimits: 'off' }))).toMatchObject({
      stage: LOCAL_STAGE,
      clientLimits: false,
    });
  });

  it('is the stage cdk.json synthesises by default', () => {
    expect(cdkContext.stage).toBe(LOCAL_STAGE);
  });
});

/** `cdk synth` runs the app as a child process with its context in CDK_CONTEXT_JSON; so do these tests. */
describe('the CDK app run as cdk runs it', () => {
  const outdirs: string[] = [];
  afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function synth(context: Record<string, unknown>) {
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-stage-'));
    outdirs.push(outdir);
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CDK_OUTDIR: outdir,
      // Bundling skipped: this checks the configuration, the budget and init tests check the bundles.
      CDK_CONTEXT_JSON: JSON.stringify({ ...cdkContext, ...context, 'aws:cdk:bundling-stacks': [] }),
    };
    try {
      await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/app.ts'], { cwd: root, env });
      return { code: 0, stderr: '', outdir };
    } catch (error) {
      const e = error as { code?: number; stderr?: string };
      return { code: e.code ?? -1, stderr: e.stderr ?? '', outdir };
    }
  }

  it('fails for stage prod without senderDomain and publicBaseUrl, with the message and no template', async () => {
    const result = await synth({ stage: 'prod' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Stage "prod" is missing -c senderDomain=… and -c publicBaseUrl=…');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    expect(existsSync(path.join(result.outdir, 'plp-prod-app.template.json'))).toBe(false);
  });

  it("synthesises cdk.json's default (local) stage with neither", async () => {
    const result = await synth({});
    expect(result.stderr).not.toContain('is missing');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(result.outdir, `plp-${LOCAL_STAGE}-app.template.json`))).toBe(true);
    expect(existsSync(path.join(result.outdir, `plp-${LOCAL_STAGE}-stateful.template.json`))).toBe(true);
  });
});
