import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentConfirmed } from '../../events/enrolment/enrolment-events.ts';
import createCommune from '../../functions/directory/create-commune.fn.ts';
import type { FunctionSpec } from '../../functions/spec.ts';
import { functionEnvironment } from '../../infra/environment.ts';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { freePort } from '../../local/env.ts';
import { localResources, localRuntime, type LocalRuntime } from '../../local/runtime.ts';
import { startSesLocal } from '../../local/ses-local.ts';
import { inject } from 'vitest';

/**
 * The local runtime is as strict as AWS: each function runs with the environment its spec gives it and
 * nothing else, and a publish, table write, e-mail, SMS or secret read its spec does not declare is refused
 * as IAM refuses it. Each case has a twin whose spec declares the access, so the refusal is the spec's doing.
 */
const probe = 'test/integration/fixtures/runtime-probe.handler.ts';
const spec = (access: FunctionSpec['access']): FunctionSpec => ({
  entry: probe,
  description: 'probe',
  trigger: { kind: 'event', event: EnrolmentConfirmed },
  access,
});
const specs: [string, FunctionSpec][] = [
  ['bare', spec({})],
  ['reader', spec({ table: 'read' })],
  ['writer', spec({ table: 'readWrite' })],
  ['confirmer', spec({ publishes: [EnrolmentConfirmed] })],
  ['mailer', spec({ email: true })],
  ['texter', spec({ sms: true })],
  ['peppered', spec({ pepper: true })],
  ['producer', spec({ sendsTo: ['probe-queue'] })],
  ['consumer', { ...spec({}), trigger: { kind: 'queue', queue: 'probe-queue' } }],
  // createCommune's handler before issue 15: a publisher built at module scope, no `publishes` declared.
  ['oldCreateCommune', { ...createCommune, entry: 'test/infra/fixtures/publishes-undeclared.handler.ts' }],
];

const tableName = `runtime-it-${Date.now()}`;
const resources = localResources({
  tableName,
  publicBaseUrl: 'http://127.0.0.1:3000',
  clientLimits: true,
  logLevel: 'ERROR',
});
let runtime: LocalRuntime;
let stopSes: () => Promise<void>;

beforeAll(async () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  await ensureTable(dynamoEndpoint, tableName);
  const ses = await startSesLocal(await freePort());
  stopSes = ses.stop;
  process.env.PLP_MAIN_PROCESS_ONLY = 'not for functions';
  runtime = await localRuntime({ specs, resources, dynamoEndpoint, sesUrl: ses.url });
});
afterAll(async () => {
  await runtime?.stop();
  await stopSes?.();
});

const run = (name: string, action: string) => runtime.invoke(name, { action });

describe('local runtime: each function gets exactly its spec’s environment', () => {
  it.each(['bare', 'reader', 'confirmer', 'peppered'])(
    '%s sees its spec’s variables and Lambda’s, nothing of the runtime’s',
    async (name) => {
      const keys = (await run(name, 'env')) as string[];
      const declared = Object.keys(functionEnvironment(specs.find(([n]) => n === name)![1], resources));
      expect(keys).toEqual(expect.arrayContaining([...declared, 'AWS_REGION', 'AWS_LAMBDA_FUNCTION_NAME']));
      expect(keys).not.toContain('PLP_MAIN_PROCESS_ONLY');
      expect(keys).not.toContain('PATH');
      expect(keys.includes('TABLE_NAME')).toBe(name === 'reader');
      expect(keys.includes('EVENT_BUS_NAME')).toBe(name === 'confirmer');
      expect(keys.includes('MEMBER_PEPPER_SECRET_ARN')).toBe(name === 'peppered');
    },
  );

  it('fails the cold start of a handler that reads a variable its spec does not grant, as in AWS', async () => {
    await expect(runtime.invoke('oldCreateCommune', {})).rejects.toThrow(
      'Missing environment variables: EVENT_BUS_NAME',
    );
  });
});

describe('local runtime: what the spec does not declare is refused, as IAM would', () => {
  it('refuses to publish an event the function did not declare, and puts nothing on the bus', async () => {
    await expect(run('confirmer', 'publish-left')).rejects.toThrow(/not authorized to perform: events:PutEvents/);
    expect(runtime.bus.log.some((r) => r.detailType === 'MemberLeft')).toBe(false);
  });

  it('publishes the event the function declared', async () => {
    await expect(run('confirmer', 'publish-confirmed')).resolves.toBe('published');
    expect(runtime.bus.log.some((r) => r.detailType === 'EnrolmentConfirmed')).toBe(true);
  });

  it('refuses a table write to a read-only function with DynamoDB’s AccessDeniedException, and allows its reads', async () => {
    await expect(run('reader', 'read')).resolves.toBe('read');
    await expect(run('reader', 'write')).rejects.toMatchObject({
      errorName: 'AccessDeniedException',
      message: expect.stringMatching(/dynamodb:PutItem/),
    });
    await expect(run('writer', 'write')).resolves.toBe('written');
    await expect(run('writer', 'write-other-table')).rejects.toMatchObject({ errorName: 'AccessDeniedException' });
  });

  it('refuses e-mail to a function without e-mail access (SES answers AccessDenied), and sends for one with it', async () => {
    await expect(run('bare', 'email')).rejects.toThrow('Missing environment variables: EMAIL_FROM');
    // Even with an SES client and a sender of its own, SES refuses it.
    await expect(run('bare', 'email-direct')).rejects.toThrow('Email send failed: AccessDeniedException');
    await expect(run('mailer', 'email')).resolves.toBe('mailed');
    await expect(run('mailer', 'email-direct')).resolves.toBe('mailed');
  });

  it('refuses SMS and the pepper to functions that do not declare them', async () => {
    await expect(run('bare', 'sms')).rejects.toThrow(/not authorized to perform: sns:Publish/);
    await expect(run('texter', 'sms')).resolves.toBe('texted');
    expect(runtime.outbox.items).toHaveLength(1);
    await expect(run('bare', 'secret')).rejects.toThrow('Missing environment variables: MEMBER_PEPPER_SECRET_ARN');
    await expect(run('peppered', 'secret')).resolves.toBe('secret read');
  });

  it('refuses a queue send the spec does not declare, and delivers the declared one to the queue’s consumer', async () => {
    await expect(run('bare', 'queue')).rejects.toThrow('Missing environment variables: QUEUE_URL_PROBE_QUEUE');
    await expect(run('bare', 'queue-direct')).rejects.toThrow(/not authorized to perform: sqs:SendMessage/);
    await expect(run('producer', 'queue')).resolves.toBe('queued');
    await runtime.queues.drain();
    expect(runtime.queues.delivered.filter((d) => d.consumer === 'consumer')).toHaveLength(2);
    expect(runtime.queues.deadLetters).toEqual([]);
  });
});
