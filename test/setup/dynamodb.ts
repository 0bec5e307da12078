import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { freePort } from '../../local/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local (in memory), shared: each integration test file creates its own table. */
    dynamoEndpoint: string;
  }
}

/** The integration project: one DynamoDB Local for the run (needs Java 17). */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
