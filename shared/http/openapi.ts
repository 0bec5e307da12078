import * as z from '../zod.ts';
import { Problem } from './problem.ts';
import type { HttpTrigger } from './trigger.ts';

const toSchema = (s: z.core.$ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

/** The OpenAPI 3.1 document of the HTTP API, built from the manifest's triggers and their zod schemas. */
export function openApiDocument(triggers: HttpTrigger[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const t of triggers) {
    const parameters = [...paramsOf(t.params, 'path'), ...paramsOf(t.query, 'query')];
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(t.responses)) {
      responses[status] = {
        description: r?.description ?? '',
        ...(r?.schema ? { content: { 'application/json': { schema: toSchema(r.schema) } } } : {}),
      };
    }
    responses.default = {
      description: 'Problem details (RFC 9457)',
      content: { 'application/problem+json': { schema: toSchema(Problem) } },
    };
    paths[t.path] ??= {};
    (paths[t.path] as Record<string, unknown>)[t.method.toLowerCase()] = {
      summary: t.summary,
      ...(t.auth === 'public'
        ? { security: [] }
        : { security: [{ [t.auth === 'jwt' ? 'jwt' : 'memberToken']: t.groups ?? [] }] }),
      ...(parameters.length ? { parameters } : {}),
      ...(t.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(t.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'PLP Alert API', version: '0.1.0' },
    components: {
      securitySchemes: {
        jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        memberToken: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

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
