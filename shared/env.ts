/** Reads required environment variables once, at cold start; a missing one fails the function at init. */
export function readEnv<const K extends string>(names: readonly K[]): Record<K, string> {
  const missing = names.filter((n) => !process.env[n]);
  if (missing.length > 0) throw new Error(`Missing environment variables: ${missing.join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, process.env[n] as string])) as Record<K, string>;
}

/** The stage name (dev, prod, …) used in resource names and metrics. */
export const stage = () => process.env.STAGE ?? 'local';

/** QUEUE_URL_<NAME>, the variable holding a queue's URL: `alert-deliveries` → QUEUE_URL_ALERT_DELIVERIES. */
export const queueUrlVariable = (queueName: string) =>
  `QUEUE_URL_${queueName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()}`;
