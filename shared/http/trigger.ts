import type * as z from '../zod.ts';
import type { Group } from '../directory/caller.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/**
 * public: anyone (throttled); jwt: a verified token (Cognito in AWS, the local issuer locally) with one of
 * `groups`; member: a member token (`authorization: Bearer <memberToken>`), checked by the use case.
 */
export type HttpAuth = 'public' | 'jwt' | 'member';

export type HttpTrigger<
  P extends z.core.$ZodType = z.core.$ZodType,
  Q extends z.core.$ZodType = z.core.$ZodType,
  B extends z.core.$ZodType = z.core.$ZodType,
  A extends HttpAuth = HttpAuth,
> = {
  kind: 'http';
  method: HttpMethod;
  /** API Gateway path, e.g. /admin/plps/{plpId}/transitions */
  path: string;
  auth: A;
  groups?: Group[];
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented answers; the schema is used for the OpenAPI document. */
  responses: Partial<Record<number, { description: string; schema?: z.core.$ZodType }>>;
};

export const http = <
  P extends z.core.$ZodType,
  Q extends z.core.$ZodType,
  B extends z.core.$ZodType,
  A extends HttpAuth,
>(
  t: Omit<HttpTrigger<P, Q, B, A>, 'kind'>,
) => ({ kind: 'http', ...t }) as HttpTrigger<P, Q, B, A>;
