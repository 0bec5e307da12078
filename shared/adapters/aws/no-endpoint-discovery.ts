/**
 * Stands in for `@aws-sdk/middleware-endpoint-discovery` in the Lambda bundles (infra/bundling.ts). The
 * DynamoDB client always sets up endpoint discovery (an LRU cache and its dependencies, ~8 KB), but no
 * DynamoDB operation requires it and it is off unless enabled: the configuration passes through unchanged
 * and discovery stays off, as it is by default.
 */
export const resolveEndpointDiscoveryConfig = <T extends object>(input: T): T => input;
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};
