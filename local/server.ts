import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { functionEntries, httpFunctions } from '../functions/manifest.ts';
import { DEFAULT_LANGUAGE, negotiateLanguage } from '../shared/http/language.ts';
import { problem, zodProblems } from '../shared/http/problem.ts';
import {
  headerTooLargeProblem,
  internalErrorProblem,
  invalidPathProblem,
  notFoundProblem,
  payloadTooLargeProblem,
  unauthorizedProblem,
  unreadableRequestProblem,
  validationProblem,
} from '../shared/i18n/problems.ts';
import { logger } from '../shared/powertools.ts';
import { BadPathError, compileRoute, toApiGatewayEvent } from './api-gateway.ts';
import type { LocalEventBus } from './event-bus.ts';
import { InvocationError, type Invoke } from './functions.ts';
import { type LocalIssuer, TokenRequest } from './jwt.ts';
import type { LocalQueues } from './queues.ts';
import type { SmsOutbox } from './sms-outbox.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** Bodies above this are refused before reaching a handler (which itself refuses anything above 16 KB). */
const MAX_READ_BYTES = 1024 * 1024;

export type LocalServerDeps = {
  issuer: LocalIssuer;
  bus: LocalEventBus;
  queues: LocalQueues;
  outbox: SmsOutbox;
  invoke: Invoke;
};

const routes = httpFunctions().map(([name, spec]) => ({ name, spec, route: compileRoute(spec.trigger) }));

/**
 * The local HTTP API: requests on manifest routes become API Gateway v2 events for the same handlers, with
 * JWT routes verified like the HTTP API's authorizer; plus the dev-only routes of API.md and the web pages.
 */
export function createLocalServer(deps: LocalServerDeps) {
  const devRoutes: Record<string, (req: IncomingMessage, body: Buffer) => Promise<Answer>> = {
    'POST /dev/token': async (req, body) => {
      const input = TokenRequest.safeParse(parseJson(body), { reportInput: true });
      if (!input.success) return invalid(req, input.error);
      return json(200, { token: await deps.issuer.sign(input.data) });
    },
    'GET /dev/outbox/sms': async () => json(200, { items: deps.outbox.items }),
    'GET /dev/events': async () => json(200, { items: deps.bus.log, deadLetters: deps.bus.deadLetters }),
    'GET /dev/jwks.json': async () => json(200, await deps.issuer.jwks()),
    // Dead letters of the local queues (as a queue's DLQ in AWS), and their redrive (docs/deploy.md).
    'GET /dev/queues': async () =>
      json(200, { deadLetters: deps.queues.deadLetters.map(({ body: _body, ...letter }) => letter) }),
    'POST /dev/sms/inbound': async (req, body) => {
      const input = z
        .strictObject({ from: z.string().min(3).max(20), body: z.string().max(1600) })
        .safeParse(parseJson(body), { reportInput: true });
      if (!input.success) return invalid(req, input.error);
      const notification = {
        originationNumber: input.data.from,
        destinationNumber: process.env.SMS_SHORTCODE ?? '8850',
        messageBody: input.data.body,
        inboundMessageId: crypto.randomUUID(),
        messageKeyword: 'KEYWORD',
      };
      const snsEvent = {
        Records: [
          {
            EventSource: 'aws:sns',
            EventVersion: '1.0',
            Sns: {
              Type: 'Notification',
              MessageId: notification.inboundMessageId,
              Message: JSON.stringify(notification),
              Timestamp: new Date().toISOString(),
            },
          },
        ],
      };
      for (const [name] of functionEntries().filter(([, f]) => f.trigger.kind === 'sms-inbound')) {
        await deps.invoke(name, snsEvent);
      }
      await drain();
      return json(202, {});
    },
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = req.method ?? 'GET';
    const language = negotiateLanguage(req.headers['accept-language']);
    try {
      const body = await readBody(req);
      if (body === undefined)
        return send(res, fromGateway(problem(payloadTooLargeProblem, language, { vars: { limit: MAX_READ_BYTES } })));
      const dev = devRoutes[`${method} ${url.pathname}`];
      if (dev) return send(res, await dev(req, body));
      const redrive = /^\/dev\/queues\/([\w-]+)\/redrive$/.exec(url.pathname);
      if (redrive && method === 'POST') return send(res, json(200, { moved: deps.queues.redrive(redrive[1]!) }));
      const schedule = /^\/dev\/schedules\/([\w-]+)\/run$/.exec(url.pathname);
      if (schedule && method === 'POST') return send(res, await runSchedule(schedule[1] as string));
      for (const { name, spec, route } of routes) {
        const params = route.match(method, url.pathname);
        if (!params) continue;
        let claims: Record<string, string | number | boolean> | undefined;
        if (spec.trigger.auth === 'jwt') {
          const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
          claims = token ? await deps.issuer.verify(token) : undefined;
          if (!claims) {
            return send(
              res,
              fromGateway(problem(unauthorizedProblem, language, { headers: { 'www-authenticate': 'Bearer' } })),
            );
          }
        }
        const event = toApiGatewayEvent(req, url, spec.trigger, params, body, claims);
        const result = (await deps.invoke(name, event)) as APIGatewayProxyStructuredResultV2;
        return send(res, fromGateway(result));
      }
      if (method === 'GET') {
        const page = await staticPage(url.pathname);
        if (page) return send(res, page);
      }
      return send(res, fromGateway(problem(notFoundProblem, language)));
    } catch (error) {
      if (error instanceof BadPathError) return send(res, fromGateway(problem(invalidPathProblem, language)));
      // A function that failed (crashed, timed out, could not initialise) gives API Gateway's 500/502.
      const failed = error instanceof InvocationError;
      logger.error(failed ? 'function failed' : 'local server error', {
        error: (error as Error).message,
        ...(failed ? { function: error.functionName, errorName: error.errorName } : {}),
        path: url.pathname,
      });
      return send(res, fromGateway(problem(internalErrorProblem, language)));
    }
  });

  // Headers over Node's limit (16 KB) never reach the handler above: answer 431 as problem+json, not bare (in
  // the default language: the headers, Accept-Language among them, were not read).
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const kind = error.code === 'HPE_HEADER_OVERFLOW' ? headerTooLargeProblem : unreadableRequestProblem;
    const a = fromGateway(problem(kind, DEFAULT_LANGUAGE));
    const body = typeof a.body === 'string' ? a.body : a.body.toString('utf8');
    const headers = Object.entries({
      ...a.headers,
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    socket.end(
      `HTTP/1.1 ${a.status} ${a.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${headers}\r\n\r\n${body}`,
    );
  });

  async function runSchedule(scheduleName: string): Promise<Answer> {
    const targets = functionEntries().filter(
      ([, f]) => f.trigger.kind === 'schedule' && f.trigger.name === scheduleName,
    );
    if (targets.length === 0) return fromGateway(problem(notFoundProblem, DEFAULT_LANGUAGE));
    for (const [name] of targets) {
      await deps.invoke(name, {
        version: '0',
        id: crypto.randomUUID(),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        time: new Date().toISOString(),
        detail: {},
      });
    }
    await drain();
    return json(200, { ran: scheduleName });
  }

  /** Until every event and queue message in flight (and any they caused) has been handled. */
  async function drain() {
    do {
      await deps.bus.drain();
      await deps.queues.drain();
    } while (deps.bus.pending() > 0);
  }

  return server;
}

type Answer = { status: number; headers: Record<string, string>; body: string | Buffer };
const json = (status: number, body: unknown): Answer => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const fromGateway = (r: APIGatewayProxyStructuredResultV2): Answer => ({
  status: r.statusCode ?? 200,
  headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, String(v)])),
  body: r.body ? (r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body) : '',
});
/** 400 with a code per field, in the language the request asks for. */
const invalid = (req: IncomingMessage, error: z.core.$ZodError): Answer =>
  fromGateway(
    problem(validationProblem, negotiateLanguage(req.headers['accept-language']), { errors: zodProblems(error) }),
  );
const send = (res: ServerResponse, a: Answer) => {
  res.writeHead(a.status, a.headers);
  res.end(a.body);
};
const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    return undefined;
  }
};

/** Reads the body, or undefined when it exceeds MAX_READ_BYTES. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_READ_BYTES) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
};
async function staticPage(urlPath: string): Promise<Answer | undefined> {
  const rel = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
  if (rel.includes('..')) return undefined;
  const type = types[path.extname(rel)];
  if (!type) return undefined;
  try {
    return { status: 200, headers: { 'content-type': type }, body: await readFile(path.join(repoRoot, 'web', rel)) };
  } catch {
    return undefined;
  }
}
