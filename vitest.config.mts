import { defineConfig } from 'vitest/config';

/**
 * Four projects, so that each kind of test starts only what it needs:
 * - unit: domain, use cases on in-memory fakes, handlers and adapters with aws-sdk-client-mock, event
 *   contracts. No Java, no server: `npm run test:unit` runs in seconds.
 * - infra: CDK synthesis, cdk-nag, bundles (sizes, cold start). No Java.
 * - integration: the DynamoDB adapters and whole flows against DynamoDB Local and aws-ses-v2-local.
 * - e2e: the local stack (`npm start`) driven over HTTP.
 * `npm test` runs them all.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // SDK clients of the tests talk to local servers: any region and credentials do.
    env: { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/setup/local-stack.ts'] },
      },
    ],
  },
});
