import * as z from '../zod.ts';
import { MAX_BODY_BYTES } from './handler.ts';
import { Problem } from './problem.ts';
import type { HttpTrigger } from './trigger.ts';

/** What the OpenAPI document needs of one HTTP function (scripts/write-openapi.ts takes it from the manifest). */
export type OpenApiRoute = {
  /** The function's name in the manifest. */
  operationId: string;
  /** Its context (the folder of its spec): the operation's tag. */
  tag: string;
  description: string;
  trigger: HttpTrigger;
  /** It calls a service (table, queue, secret, …): an outage of that service answers 503. */
  callsServices: boolean;
};

/** One line per context; a context without one fails the generator, so a new context gets described. */
const TAGS: Record<string, string> = {
  directory: 'Communes and PLPs, their zones and life cycle (capability C1)',
  enrolment: 'Enrolment with double opt-in, approval, and the member’s own data and rights (capability C2)',
  platform: 'Health and this document (capability C10)',
  reports: 'Members’ reports, their references and the police’s feedback (capability C3)',
};

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without `$schema`. Integers get the `format`
 * their bounds allow (int32 or int64), which zod does not write.
 */
const toSchema = (s: z.core.$ZodType): Record<string, unknown> => {
  const { $schema: _, ...json } = z.toJSONSchema(s, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: ({ jsonSchema: j }) => {
      if (j.type !== 'integer' || j.format) return;
      const inInt32 =
        typeof j.minimum === 'number' &&
        typeof j.maximum === 'number' &&
        j.minimum >= INT32.min &&
        j.maximum <= INT32.max;
      j.format = inInt32 ? 'int32' : 'int64';
    },
  });
  return json;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemContent = { 'application/problem+json': { schema: ref('Problem') } };
/** API Gateway's own answers (JWT authorizer, throttling, a failed function) are `{"message": …}`. */
const gatewayContent = { 'application/json': { schema: ref('GatewayMessage') } };
const seconds = (maximum: number) => ({ type: 'integer', format: 'int32', minimum: 1, maximum });

/** The OpenAPI 3.1 document of the HTTP API, built from the manifest's triggers and their zod schemas. */
export function openApiDocument(routes: OpenApiRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const t = route.trigger;
    const parameters = [...paramsOf(t.params, 'path'), ...paramsOf(t.query, 'query')];
    paths[t.path] ??= {};
    paths[t.path]![t.method.toLowerCase()] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: t.summary,
      description: route.description,
      ...(t.auth === 'public'
        ? { security: [] }
        : { security: [{ [t.auth === 'jwt' ? 'jwt' : 'memberToken']: t.groups ?? [] }] }),
      ...(parameters.length ? { parameters } : {}),
      ...(t.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(t.body) } } } }
        : {}),
      responses: responsesOf(route),
    };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].sort().map((name) => {
    const description = TAGS[name];
    if (!description) throw new Error(`shared/http/openapi.ts: describe the context "${name}" in TAGS`);
    return { name, description };
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'PLP Alert API',
      version: '0.1.0',
      description:
        'The API of PLP Alert: the directory of communes and PLPs (Partenariats Locaux de Prévention / ' +
        'Buurtinformatienetwerken), enrolment and membership. Errors are RFC 9457 problem details, except the ' +
        'answers API Gateway gives itself (`{"message": …}`): 401 from the JWT authorizer in AWS, 429 when ' +
        'the stage or a public route is throttled, 500 when a function fails. Every input is bounded ' +
        `(strings, arrays, numbers; bodies at most ${MAX_BODY_BYTES} bytes). Generated from the function ` +
        'specs (`npm run openapi`) and linted with Spectral and the OWASP API Security Top 10 ruleset ' +
        '(`npm run lint:api`, `.spectral.mjs`).',
      contact: { name: 'PLP Alert', url: 'https://plp-alert.be' },
    },
    servers: [
      {
        url: '/',
        description:
          'The stage that serves this document: local (`npm start`) or a deployed stage such as prod; ' +
          'paths are relative to it',
        'x-internal': false,
      },
    ],
    tags,
    components: {
      securitySchemes: {
        jwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A staff ID token from the Cognito user pool (locally, from `POST /dev/token`), verified before ' +
            'any handler by the HTTP API’s JWT authorizer (locally the same checks): RS256 signature against ' +
            'the issuer’s keys only (`alg: none`, other algorithms and unsigned tokens refused), issuer, ' +
            'audience and expiry, as RFC8725 (JSON Web Token Best Current Practices) asks. The list of a ' +
            'route’s security requirement names the roles (Cognito groups) it takes (OpenAPI 3.1 role names); ' +
            'police officers and commune and region administrators need a token that shows a second factor.',
        },
        memberToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A member’s personal token, from the member link (`…/me#token=…`) sent on the member’s confirmed ' +
            'channels: random, stored only as an HMAC, the newest five valid. Not a JWT.',
        },
      },
      schemas: {
        Problem: toSchema(Problem),
        GatewayMessage: {
          type: 'object',
          description: 'An answer of API Gateway itself, e.g. {"message":"Too Many Requests"}',
          properties: { message: { type: 'string', maxLength: 200 } },
          required: ['message'],
        },
      },
    },
    paths,
  };
}

/**
 * Every answer a route can give: the ones its spec documents (with their schemas), and those that follow
 * from its trigger and shared/http/handler.ts: 400 for a route with input, 401 and 403 for a token,
 * 413 for a body, 429 (throttling everywhere; the API's own limits where the spec documents 429),
 * 500, and 503 when it calls a service.
 */
function responsesOf({ trigger: t, callsServices }: OpenApiRoute): Record<string, unknown> {
  const doc = (status: number) => t.responses[status]?.description;
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(t.responses)) {
    if (Number(status) >= 400 || !r) continue;
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { 'application/json': { schema: toSchema(r.schema) } } } : {}),
    };
  }
  const problem = (status: number, description: string, extra: Record<string, unknown> = {}) => {
    responses[status] = { description, content: problemContent, ...extra };
  };

  const hasInput = Boolean(t.params || t.query || t.body);
  const malformed = t.body
    ? 'the request is not valid (`errors` lists each field), or the body is not JSON'
    : 'the request is not valid (`errors` lists each field)';
  if (hasInput || doc(400)) problem(400, doc(400) ? `${doc(400)}; or ${malformed}` : capitalise(malformed));

  if (t.auth === 'member') {
    problem(401, doc(401) ?? 'No member token, or one that is not valid (any more)', {
      headers: { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string', const: 'Bearer' } } },
    });
  }
  if (t.auth === 'jwt') {
    responses[401] = {
      description:
        doc(401) ??
        'No valid token: in AWS the JWT authorizer answers `{"message":"Unauthorized"}` before the function ' +
          'runs; locally, problem details',
      content: { ...gatewayContent, ...problemContent },
    };
    problem(
      403,
      doc(403) ??
        (t.groups?.length
          ? `A role this route does not take (it takes ${t.groups.join(', ')}), or a staff role signed in without a second factor`
          : 'A staff role signed in without a second factor'),
    );
  }
  for (const status of [404, 409]) {
    const description = doc(status);
    if (description) problem(status, description);
  }
  if (t.body) problem(413, doc(413) ?? `The body is larger than ${MAX_BODY_BYTES} bytes`);

  const throttled = `API Gateway throttles the stage${t.auth === 'public' ? ' and, tighter, this public route' : ''}`;
  responses[429] = doc(429)
    ? {
        description: `${doc(429)}: problem details with Retry-After. Or ${throttled}: \`{"message":"Too Many Requests"}\`, no Retry-After`,
        headers: {
          'Retry-After': {
            description: 'Seconds to wait: sent with the API’s own limits (problem details), not by API Gateway',
            schema: seconds(86_400),
          },
        },
        content: { ...problemContent, ...gatewayContent },
      }
    : { description: `${capitalise(throttled)}: \`{"message":"Too Many Requests"}\``, content: gatewayContent };

  responses[500] = {
    description:
      'Something failed on our side: problem details without request data; API Gateway’s own ' +
      '`{"message":"Internal Server Error"}` when the function itself fails',
    content: { ...problemContent, ...gatewayContent },
  };
  if (callsServices || doc(503)) {
    problem(503, doc(503) ?? 'A service it depends on (table, queue, secret, e-mail, SMS) is unavailable', {
      headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: seconds(3_600) } },
    });
  }
  return responses;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function paramsOf(schema: z.core.$ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}
