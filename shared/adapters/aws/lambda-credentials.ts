import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The credential provider of our Lambda bundles. Lambda puts the role's credentials in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); the SDK's default chain would also bundle
 * SSO, ini files, process, web identity and instance metadata providers with their STS and SSO clients
 * (~90 KB minified) that a function never uses. infra/bundling.ts aliases `@aws-sdk/credential-provider-node`
 * to this module; code run by tsx (local runtime, tests) keeps the SDK's default chain.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]): ReturnType<typeof fromEnv> => fromEnv(init);
