import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessDeniedError } from './access.ts';

/**
 * A local stand-in for IAM in front of a real local server (DynamoDB Local, aws-ses-v2-local): each function's
 * worker signs its SDK requests with an access key id naming the function, and the proxy asks `authorize`
 * before forwarding. A refused request gets the answer AWS gives (AccessDeniedException), so the real SDK
 * client and adapter see a real AWS error.
 */
export type Authorize = (request: {
  functionName: string;
  method: string;
  path: string;
  target?: string;
  body: Buffer;
}) => void;

export const accessKeyIdOf = (functionName: string) => `LOCAL${functionName}`;
const functionOf = (authorization: string | undefined) => /Credential=LOCAL([^/]+)\//.exec(authorization ?? '')?.[1];

export async function startIamProxy(options: {
  upstream: string;
  authorize: Authorize;
  /** How AWS answers a refusal for this service. */
  denied: (error: AccessDeniedError) => { status: number; headers: Record<string, string>; body: string };
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const upstream = new URL(options.upstream);
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const functionName = functionOf(req.headers.authorization);
    try {
      if (!functionName) throw new AccessDeniedError('The request is not signed by a function of the local runtime');
      options.authorize({
        functionName,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        target: req.headers['x-amz-target'] as string | undefined,
        body,
      });
    } catch (error) {
      if (!(error instanceof AccessDeniedError)) throw error;
      const answer = options.denied(error);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    forward.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** DynamoDB's JSON error shape. */
export const dynamoDbDenied = (error: AccessDeniedError) => ({
  status: 400,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', Message: error.message }),
});

/** SES v2's REST-JSON error shape. */
export const sesDenied = (error: AccessDeniedError) => ({
  status: 403,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' },
  body: JSON.stringify({ message: error.message }),
});
