import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleFunction } from '../../infra/bundling.ts';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { freePort } from '../../local/env.ts';
import { closeServer, startSesLocal } from '../../local/ses-local.ts';
import type { ProbeEvent } from './fixtures/bundled-adapters.probe.ts';

/**
 * infra/bundling.ts changes what the AWS SDK bundles (credentials, SigV4 and endpoint discovery aliased, schema
 * modules rewritten with literal keys, package.json cut down). Here our adapters run bundled that way, in a
 * fresh Node process with only the environment given below, against DynamoDB Local, aws-ses-v2-local and
 * fakes answering as SNS, EventBridge and Secrets Manager do: each protocol (DynamoDB's JSON-RPC, REST-JSON,
 * Query with XML answers, JSON 1.1) must still serialise the request and parse the answer, errors included.
 */
type Seen = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
type Answer = { status: number; type: string; body: string };

/** An HTTP endpoint that records each request and answers what `answer` says. */
async function fakeAws(answer: (req: Seen) => Answer) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      const r = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(r);
      const { status, type, body: out } = answer(r);
      res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': 'req-1' }).end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, stop: () => closeServer(server) };
}
type Fake = Awaited<ReturnType<typeof fakeAws>>;

const xml = (status: number, body: string) => ({ status, type: 'text/xml', body });
const JSON11 = 'application/x-amz-json-1.1';
const json11 = (status: number, body: object) => ({ status, type: JSON11, body: JSON.stringify(body) });
const NS = 'xmlns="http://sns.amazonaws.com/doc/2010-03-31/"';
const OPTED_OUT_PHONE = '+32470000000';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:pepper-AbCdEf';

/** SNS Publish: a message id, or AWS's Query error for an opted-out number. */
const snsAnswer = (r: Seen) =>
  new URLSearchParams(r.body).get('PhoneNumber') === OPTED_OUT_PHONE
    ? xml(
        400,
        `<ErrorResponse ${NS}><Error><Type>Sender</Type><Code>OptedOut</Code><Message>Phone number is opted out</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
      )
    : xml(
        200,
        `<PublishResponse ${NS}><PublishResult><MessageId>sns-msg-1</MessageId></PublishResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PublishResponse>`,
      );
/** EventBridge PutEvents: accepted, or one failed entry (HTTP 200 all the same) for PLP 'plp-rejected'. */
const eventsAnswer = (r: Seen) =>
  json11(
    200,
    r.body.includes('plp-rejected')
      ? { FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Try again' }] }
      : { FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] },
  );
/** Secrets Manager GetSecretValue: the secret, or ResourceNotFoundException for any other id. */
const secretsAnswer = (r: Seen) =>
  JSON.parse(r.body).SecretId === SECRET_ARN
    ? json11(200, { ARN: SECRET_ARN, Name: 'pepper', SecretString: 's3cr3t', VersionId: 'v1', CreatedDate: 1767225600 })
    : json11(400, { __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." });

const dynamoEndpoint = inject('dynamoEndpoint');
const tableName = `bundled-adapters-it-${Date.now()}`;
let outdir: string;
let bundle: string;
let ses: Awaited<ReturnType<typeof startSesLocal>>;
let sns: Fake, events: Fake, secrets: Fake;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'plp-bundled-adapters-'));
  [{ file: bundle }, ses, sns, events, secrets] = await Promise.all([
    bundleFunction('test/integration/fixtures/bundled-adapters.probe.ts', outdir, { sourcemap: false }),
    freePort().then(startSesLocal),
    fakeAws(snsAnswer),
    fakeAws(eventsAnswer),
    fakeAws(secretsAnswer),
    ensureTable(dynamoEndpoint, tableName),
  ]);
});
afterAll(async () => {
  await Promise.all([ses, sns, events, secrets].map((s) => s?.stop()));
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

/** Runs one probe action in a fresh Node process whose environment is exactly this (nothing inherited). */
function probe(event: ProbeEvent): Promise<any> {
  const env = {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDPROBE',
    AWS_SECRET_ACCESS_KEY: 'probe-secret',
    AWS_SESSION_TOKEN: 'probe-session-token',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SESV2: ses.url,
    AWS_ENDPOINT_URL_SNS: sns.url,
    AWS_ENDPOINT_URL_EVENTBRIDGE: events.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
    TABLE_NAME: tableName,
  };
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
process.stdout.write(JSON.stringify(await handler(JSON.parse(process.argv[1]))));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(event)], { env });
    let [out, err] = ['', ''];
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`probe ${code}: ${err}`))));
  });
}

/** Signed with SigV4 for `service` in eu-west-1, with the environment's credentials and session token. */
const signedFor = (service: string) => ({
  authorization: expect.stringMatching(
    new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDPROBE/\\d{8}/eu-west-1/${service}/aws4_request, SignedHeaders=`),
  ),
  'x-amz-date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
  'x-amz-security-token': 'probe-session-token',
});
/** A signed JSON 1.1 call of `target` (EventBridge, Secrets Manager). */
const json11Call = (target: string, service: string) => ({
  method: 'POST',
  headers: { 'x-amz-target': target, 'content-type': JSON11, ...signedFor(service) },
});

describe('adapters in a Lambda bundle (infra/bundling.ts) against local endpoints', () => {
  it('DynamoDB: writes, reads, pages members; failed conditions become ConflictError or false', async () => {
    const plpId = `plp-${Date.now()}`;
    const id = (m: string) => `${plpId}-${m}`;
    const res = await probe({ action: 'dynamodb', plpId });
    expect(res.read.member).toMatchObject({ memberId: id('m1'), name: 'Jan Peeters – Éloïse', channels: ['sms'] });
    expect(res.read.memberships).toMatchObject([{ plpId, address: { street: 'Rue Haute', postcode: '1000' } }]);
    expect(res.byContact).toBe(id('m2'));
    expect(res.batch).toEqual([id('m1'), id('m2'), id('m3')]);
    expect(res.pages).toEqual([
      { members: [id('m1'), id('m2')], cursor: true },
      { members: [id('m3')], cursor: false },
    ]);
    // A ConflictError only if TransactionCanceledException arrived with its CancellationReasons parsed.
    expect(res.takenContact.error).toMatchObject({
      conflictError: true,
      message: 'The member changed meanwhile; try again',
    });
    expect(res.claims).toEqual([true, false]);
    expect(res.missingTable.error).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });

  it('SES v2: the e-mail arrives at aws-ses-v2-local as sent', async () => {
    const email = {
      to: 'marie@example.be',
      replyTo: 'coordinator@example.be',
      subject: 'Alerte – « Été »',
      html: '<p>Été</p>',
      text: 'Été & co',
    };
    const res = await probe({ action: 'ses', email });
    expect(res).toEqual({ value: { messageId: expect.any(String) } });
    const store = (await (await fetch(`${ses.url}/store`)).json()) as { emails: any[] };
    expect(store.emails.find((e) => e.messageId === res.value.messageId)).toMatchObject({
      from: 'noreply@plp-alert.be',
      replyTo: [email.replyTo],
      destination: { to: [email.to] },
      subject: email.subject,
      body: { text: email.text, html: email.html },
    });
  });

  it('SNS: Publish sends the SMS and returns the message id; an OptedOut answer is an OptedOutException', async () => {
    const body = 'Alerte PLP: cambriolage rue Haute & <vigilance> – café';
    expect(await probe({ action: 'sns', to: '+32470123456', body })).toEqual({ value: { messageId: 'sns-msg-1' } });
    expect(sns.seen[0]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedFor('sns') },
    });
    expect(Object.fromEntries(new URLSearchParams(sns.seen[0]!.body))).toEqual({
      Action: 'Publish',
      Version: '2010-03-31',
      PhoneNumber: '+32470123456',
      Message: body,
      'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
      'MessageAttributes.entry.2.Name': 'AWS.SNS.SMS.SenderID',
      'MessageAttributes.entry.2.Value.DataType': 'String',
      'MessageAttributes.entry.2.Value.StringValue': 'PLPAlert',
    });

    const { error } = await probe({ action: 'sns', to: OPTED_OUT_PHONE, body });
    expect(error).toMatchObject({
      name: 'SmsSendError',
      message: 'SMS publish failed: OptedOutException',
      cause: { name: 'OptedOutException', message: 'Phone number is opted out', status: 400 },
    });
  });

  it('EventBridge: PutEvents carries the contract’s entry; a failed entry is an EventRejectedError', async () => {
    const data = { enrolmentId: 'enr-1', plpId: 'plp-1', awaitsApproval: true };
    expect(await probe({ action: 'eventbridge', busName: 'plp-test', idempotencyKey: 'k-1', data })).toEqual({});
    expect(events.seen[0]).toMatchObject(json11Call('AWSEvents.PutEvents', 'events'));
    const { Entries } = JSON.parse(events.seen[0]!.body);
    const entry = { EventBusName: 'plp-test', Source: 'plp.enrolment', DetailType: 'EnrolmentConfirmed' };
    expect(Entries).toEqual([{ ...entry, Detail: expect.any(String) }]);
    expect(JSON.parse(Entries[0].Detail)).toEqual({
      metadata: { version: 1, idempotencyKey: 'k-1', correlationId: 'k-1', occurredAt: '2026-03-01T10:00:00.000Z' },
      data,
    });

    const rejected = { ...data, plpId: 'plp-rejected' };
    const res = await probe({ action: 'eventbridge', busName: 'plp-test', idempotencyKey: 'k-2', data: rejected });
    const message = 'EnrolmentConfirmed rejected: InternalFailure Try again';
    expect(res).toEqual({ error: { name: 'EventRejectedError', message } });
  });

  it('Secrets Manager: GetSecretValue once per container; a ResourceNotFoundException is not kept', async () => {
    const secret = { value: 's3cr3t' };
    expect(await probe({ action: 'secret', secretId: SECRET_ARN })).toEqual({ first: secret, second: secret });
    expect(secrets.seen).toHaveLength(1);
    expect(secrets.seen[0]).toMatchObject(json11Call('secretsmanager.GetSecretValue', 'secretsmanager'));
    expect(JSON.parse(secrets.seen[0]!.body)).toEqual({ SecretId: SECRET_ARN });

    const missing = await probe({ action: 'secret', secretId: `${SECRET_ARN}-gone` });
    const message = "Secrets Manager can't find the specified secret.";
    const notFound = { name: 'ResourceNotFoundException', message, status: 400 };
    expect(missing).toMatchObject({ first: { error: notFound }, second: { error: notFound } });
    expect(secrets.seen).toHaveLength(3);
  });

  // Found by this test: minify renames classes, and DomainError took its name from the class (`new.target.name`),
  // so in a bundle a ConflictError was named e.g. 'Tu' in logs and Lambda's errorType. Each class now names itself.
  it('a domain error keeps its class name in a bundle', async () => {
    expect(await probe({ action: 'conflict-error' })).toMatchObject({ name: 'ConflictError', conflictError: true });
  });
});
