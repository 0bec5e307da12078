import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpTrigger } from '../shared/http/trigger.ts';

/** A path whose `%` escapes do not decode (`/public/me/plps/%E0%A4%A`): API Gateway answers 400. */
export class BadPathError extends Error {
  override name = 'BadPathError';
}

/** A manifest route compiled to a matcher: `/admin/plps/{plpId}` → /^\/admin\/plps\/([^/]+)$/. */
export function compileRoute(trigger: HttpTrigger) {
  const names: string[] = [];
  const pattern = trigger.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const regex = new RegExp(`^${pattern}$`);
  return {
    match(method: string, path: string): Record<string, string> | undefined {
      if (method !== trigger.method) return undefined;
      const m = regex.exec(path);
      if (!m) return undefined;
      try {
        return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
      } catch {
        throw new BadPathError('The path has a malformed % escape');
      }
    },
    matchesPath: (path: string) => regex.test(path),
  };
}

/** Turns a Node request into the API Gateway HTTP API (payload 2.0) event that Lambda receives in AWS. */
export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  trigger: HttpTrigger,
  pathParameters: Record<string, string>,
  body: Buffer,
  claims?: Record<string, string | number | boolean>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const routeKey = `${trigger.method} ${trigger.path}`;
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}
