import type { Context } from 'aws-lambda';

/**
 * The log of an API handler: one JSON line per entry with the keys of the Powertools logger the workers use
 * (level, message, timestamp, service, cold_start, function_name, function_request_id, xray_trace_id), so
 * queries over both read the same fields. Powertools' Logger with its middleware and dependencies is about
 * 20 KB of every bundle; an API handler logs three kinds of entry, and its bundle has a 400 KB budget that
 * the problem texts in four languages need (docs/architecture.md, "Bundles").
 */
const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20 } as const;
type Level = keyof typeof LEVELS;

const service = process.env.POWERTOOLS_SERVICE_NAME ?? 'plp-alert';
const threshold = LEVELS[(process.env.LOG_LEVEL ?? 'INFO').toUpperCase() as Level] ?? LEVELS.INFO;
let coldStart = true;
let context: Record<string, unknown> = {};

function write(level: Level, message: string, extra: Record<string, unknown> = {}) {
  if (LEVELS[level] < threshold) return;
  const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
  const entry = { level, message, timestamp: new Date().toISOString(), service, ...context, ...extra };
  process.stdout.write(`${JSON.stringify(trace ? { ...entry, xray_trace_id: trace } : entry)}\n`);
}

export const httpLog = {
  /** Before an invocation: its context keys (and whether it is the cold start). */
  begin(lambda: Pick<Context, 'functionName' | 'awsRequestId'>) {
    context = { cold_start: coldStart, function_name: lambda.functionName, function_request_id: lambda.awsRequestId };
    coldStart = false;
  },
  /** After it: nothing of this request stays for the next. */
  end() {
    context = {};
  },
  info: (message: string, extra?: Record<string, unknown>) => write('INFO', message, extra),
  error: (message: string, extra?: Record<string, unknown>) => write('ERROR', message, extra),
};
