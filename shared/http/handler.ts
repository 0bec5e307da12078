import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from '../zod.ts';
import type { Caller } from '../directory/caller.ts';
import { ForbiddenError, PayloadTooLargeError, ValidationError } from '../errors.ts';
import { bearerToken, callerFromEvent } from './auth.ts';
import {
  bodyRequiredProblem,
  internalErrorProblem,
  invalidJsonProblem,
  payloadTooLargeProblem,
  roleRequiredProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from '../i18n/problems.ts';
import { requestLanguage } from './language.ts';
import { httpLog as logger } from './log.ts';
import { errorToProblem, problem, zodProblems } from './problem.ts';
import type { HttpTrigger } from './trigger.ts';

export const MAX_BODY_BYTES = 16 * 1024;

type Infer<S> = [NonNullable<S>] extends [z.core.$ZodType] ? z.infer<NonNullable<S>> : undefined;
export type HttpRequest<T extends HttpTrigger<any, any, any, any>> = {
  params: Infer<T['params']>;
  query: Infer<T['query']>;
  body: Infer<T['body']>;
  /** Set on `jwt` routes. */
  caller: T['auth'] extends 'jwt' ? Caller : undefined;
  /** Set on `member` routes: the raw member token, checked by the use case. */
  memberToken: T['auth'] extends 'member' ? string : undefined;
  /** The client's address, for per-client limits. */
  sourceIp: string;
  event: APIGatewayProxyEventV2;
};
export type HttpResult = { status: number; body?: unknown; headers?: Record<string, string> };

export const ok = (body: unknown): HttpResult => ({ status: 200, body });
export const created = (body: unknown): HttpResult => ({ status: 201, body });
export const accepted = (body: unknown = {}): HttpResult => ({ status: 202, body });
export const noContent = (): HttpResult => ({ status: 204 });

/**
 * The one way to write an HTTP handler: its log (shared/http/log.ts); the body size limit; zod parsing of path,
 * query and body; the caller from the JWT claims and its group check; and every error mapped to
 * application/problem+json in the request's language (the body's `language`, else `Accept-Language`;
 * unexpected errors to a 500 without details, logged without the request body). Answers are
 * counted by API Gateway per route and status class (detailed metrics of the stage), so an API bundle
 * carries no metrics client.
 */
export function httpHandler<T extends HttpTrigger<any, any, any, any>>(
  trigger: T,
  fn: (req: HttpRequest<T>) => Promise<HttpResult>,
) {
  const core = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const req = parseRequest(trigger, event);
      const result = await fn(req);
      return toResponse(result);
    } catch (error) {
      const language = requestLanguage(event, trigger.body ? peekJsonBody(event) : undefined);
      const answer = errorToProblem(error, language);
      if (answer) {
        const route = `${trigger.method} ${trigger.path}`;
        if ((answer.statusCode ?? 0) >= 500)
          logger.error('dependency unavailable', { route, error: errorSummary(error) });
        else logger.info('request refused', { status: answer.statusCode, route });
        return answer;
      }
      logger.error('unexpected error', { route: `${trigger.method} ${trigger.path}`, error: errorSummary(error) });
      return problem(internalErrorProblem, language);
    }
  };
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    logger.begin(context);
    try {
      return await core(event);
    } finally {
      logger.end();
    }
  };
}

function parseRequest<T extends HttpTrigger<any, any, any, any>>(
  trigger: T,
  event: APIGatewayProxyEventV2,
): HttpRequest<T> {
  const caller = trigger.auth === 'jwt' ? callerFromEvent(event) : undefined;
  if (caller && trigger.groups?.length && !trigger.groups.some((g) => caller.groups.includes(g))) {
    throw new ForbiddenError(roleRequiredProblem, { vars: { roles: trigger.groups.join(', ') } });
  }
  const memberToken = trigger.auth === 'member' ? bearerToken(event) : undefined;
  return {
    params: parsePart(trigger.params, event.pathParameters ?? {}, 'path'),
    query: parsePart(trigger.query, event.queryStringParameters ?? {}, 'query'),
    body: trigger.body ? parsePart(trigger.body, readJsonBody(event), '') : undefined,
    caller,
    memberToken,
    sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
    event,
  } as HttpRequest<T>;
}

function parsePart(schema: z.core.$ZodType | undefined, value: unknown, where: string) {
  if (!schema) return undefined;
  const parsed = z.safeParse(schema, value, { reportInput: true });
  if (!parsed.success) throw new ValidationError(validationProblem, zodProblems(parsed.error, where));
  return parsed.data;
}

function rawBody(event: APIGatewayProxyEventV2): Buffer | undefined {
  if (!event.body) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body);
}

function readJsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = rawBody(event);
  if (raw && raw.length > MAX_BODY_BYTES)
    throw new PayloadTooLargeError(payloadTooLargeProblem, { vars: { limit: MAX_BODY_BYTES } });
  const type = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  if (raw && raw.length > 0 && type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ValidationError(unsupportedMediaTypeProblem);
  }
  if (!raw || raw.length === 0) throw new ValidationError(bodyRequiredProblem);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError(invalidJsonProblem);
  }
}

/** The body as JSON when it is readable, for the language of an error answer; undefined otherwise. */
function peekJsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = rawBody(event);
  if (!raw || raw.length > MAX_BODY_BYTES) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function toResponse(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  if (result.body === undefined) return { statusCode: result.status, headers: result.headers };
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json', ...result.headers },
    body: JSON.stringify(result.body),
  };
}

/** Name and message only: provider errors may echo request data, so no stack frames with values. */
const errorSummary = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message.slice(0, 200) } : { name: typeof error };
