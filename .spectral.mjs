/**
 * The Spectral ruleset of docs/openapi.json (the document `GET /openapi.json` serves): Spectral's OpenAPI
 * rules and the OWASP API Security Top 10 (2023) rules, every error fixed at its source (the zod schemas of
 * the function specs, or shared/http/openapi.ts) except the rules turned off below, each with its reason
 * and, where it concerns some routes only, scoped to them. `npm run lint:api` runs it;
 * test/unit/http/openapi-lint.test.ts fails on any error.
 */
import owasp from '@stoplight/spectral-owasp-ruleset';
import { oas } from '@stoplight/spectral-rulesets';

/** docs/openapi.json and a JSON pointer in it, for `overrides` (encoded as Spectral encodes a result's path). */
const at = (...tokens) =>
  `docs/openapi.json#/${tokens.map((t) => encodeURIComponent(t.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;
const operation = (method, path) => at('paths', path, method);

export default {
  extends: [
    [oas, 'recommended'],
    [owasp, 'recommended'],
  ],
  rules: {
    // RateLimit headers on every 2xx and 4xx answer: the API does not send them. Its throttling is API
    // Gateway's (stage-wide, and tighter on each public route), which sends no such header, and its own
    // limits are per address and per contact inside the use cases, so a "remaining" figure would describe
    // one limit among several. What a client needs, when to retry, is the Retry-After of each 429 answer
    // of the API's limits, which the document declares (owasp:api4:2023-rate-limit-retry-after checks it).
    'owasp:api4:2023-rate-limit': 'off',
    // Access-Control-Allow-Origin on every answer: the API sends no CORS headers (none is configured on the
    // HTTP API; its pages call it from its own origin), so declaring one would be false.
    'owasp:api8:2023-define-cors-origin': 'off',
    // OpenAPI 3.1 lets the list of a non-OAuth security requirement name the roles a route takes (Cognito
    // groups for the `jwt` scheme); this rule reads them as OAuth scopes, which an http scheme cannot have.
    'oas3-operation-security-defined': 'off',
  },
  overrides: [
    {
      // Open by design: a resident has no account when enrolling, confirming the code or asking for a lost
      // member link. They are protected instead by API Gateway's per-route throttling, the per-address token
      // bucket and the per-contact limits (429 with Retry-After), and the double opt-in (docs/api.md).
      files: [
        operation('post', '/public/enrolments'),
        operation('post', '/public/enrolments/{enrolmentId}/confirm'),
        operation('post', '/public/member-links'),
      ],
      rules: { 'owasp:api2:2023-write-restricted': 'off', 'owasp:api8:2023-define-error-responses-401': 'off' },
    },
    {
      // Public by design: the launched PLPs of a postcode (for the enrolment form), liveness, readiness and
      // this document. Throttled per route; nothing personal is answered.
      files: [
        operation('get', '/public/plps'),
        operation('get', '/health'),
        operation('get', '/health/ready'),
        operation('get', '/openapi.json'),
      ],
      rules: { 'owasp:api2:2023-read-restricted': 'off', 'owasp:api8:2023-define-error-responses-401': 'off' },
    },
    {
      // `nextToken` is the opaque page cursor of the admin listings (validated by the use case), not a
      // credential: it grants nothing a caller's own token does not.
      files: [operation('get', '/admin/communes'), operation('get', '/admin/plps')],
      rules: { 'owasp:api2:2023-no-credentials-in-url': 'off' },
    },
    {
      // These routes take no parameter and no body: nothing can be malformed, so there is no 400 to declare.
      files: [
        operation('get', '/public/me'),
        operation('delete', '/public/me'),
        operation('get', '/public/me/export'),
        operation('get', '/health'),
        operation('get', '/health/ready'),
        operation('get', '/openapi.json'),
      ],
      rules: { 'owasp:api8:2023-define-error-validation': 'off' },
    },
    {
      // Lists whose length the data decides, not a request: the launched PLPs of one postcode (a handful),
      // and the PLPs a member joined (each join a double opt-in). Nothing caps them, so no maxItems is
      // declared that the API would not keep; they are answers, not inputs.
      files: [
        at('paths', '/public/plps', 'get', 'responses', '200'),
        ...[
          ['get', '/public/me'],
          ['patch', '/public/me'],
          ['post', '/public/me/contacts/confirm'],
          ['delete', '/public/me/plps/{plpId}'],
        ].map(([method, path]) => at('paths', path, method, 'responses', '200')),
      ],
      rules: { 'owasp:api4:2023-array-limit': 'off' },
    },
    {
      // Problem details are written by the API itself: titles and messages from the code, and one field
      // error per invalid field of a request that is itself bounded (a body of at most 16 KB). No input is
      // echoed unbounded; a maximum here would be one no code checks.
      files: [at('components', 'schemas', 'Problem')],
      rules: { 'owasp:api4:2023-string-limit': 'off', 'owasp:api4:2023-array-limit': 'off' },
    },
  ],
};
