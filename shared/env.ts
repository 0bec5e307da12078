/** Reads required environment variables once, at cold start; a missing one fails the function at init. */
export function readEnv<const K extends string>(names: readonly K[]): Record<K, string> {
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length > 0) throw new Error(`Missing environment variables: ${missing.join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, process.env[n] as string])) as Record<K, string>;
}

/** The stage name (dev, prod, …) used in resource names and metrics. */
export const stage = () => process.env.STAGE ?? 'local';
